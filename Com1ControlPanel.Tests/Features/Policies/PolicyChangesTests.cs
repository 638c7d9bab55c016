using Com1ControlPanel.Features.Policies;

namespace Com1ControlPanel.Tests.Features.Policies;

/// <summary>What changed between two versions, as a reader sees the text.</summary>
public sealed class PolicyChangesTests
{
    [Fact]
    public void Kept_removed_added_and_changed_paragraphs_are_told_apart()
    {
        var blocks = PolicyChanges.Between(
            "# Policy\n\nWe keep your name.\n\nWe sell nothing.\n\nOld paragraph goes.",
            "# Policy\n\nWe keep your name and address.\n\nWe sell nothing.");

        Assert.Contains(blocks, b => b.Change == BlockChange.Kept && Text(b.Before) == "We sell nothing.");
        Assert.Contains(blocks, b => b.Change == BlockChange.Removed && Text(b.Before) == "Old paragraph goes.");
        var changed = Assert.Single(blocks, b => b.Change == BlockChange.Changed && Text(b.Before) == "We keep your name.");
        Assert.Equal("We keep your name and address.", Text(changed.After));
        Assert.Contains(changed.After, w => w.Change == WordChange.Added && w.Text.Contains("address"));
        Assert.DoesNotContain(changed.After, w => w.Change == WordChange.Added && w.Text.Contains("keep"));
    }

    [Fact]
    public void Identical_versions_have_no_change()
    {
        var blocks = PolicyChanges.Between("# A\n\nSame.", "# A\n\nSame.");

        Assert.All(blocks, b => Assert.Equal(BlockChange.Kept, b.Change));
    }

    [Fact]
    public void The_shipped_versions_differ_in_what_the_panel_added()
    {
        var first = ShippedPolicies.All.Single(f => f.Version == "2008-06");
        var current = ShippedPolicies.All.Single(f => f.Version == "2026-11");

        var blocks = PolicyChanges.Between(first.Markdown, current.Markdown);

        Assert.Contains(blocks, b => b.Change == BlockChange.Added && Text(b.After).Contains("hash chain"));
    }

    private static string Text(IEnumerable<Word> words) => string.Concat(words.Select(w => w.Text));
}

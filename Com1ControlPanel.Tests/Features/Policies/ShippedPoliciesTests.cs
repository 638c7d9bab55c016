using Com1ControlPanel.Features.Policies;

namespace Com1ControlPanel.Tests.Features.Policies;

/// <summary>The versions that ship with the panel: the 2008 policy in the product's words, and the current one.</summary>
public sealed class ShippedPoliciesTests
{
    private static PolicyFile Version(string name) => Assert.Single(ShippedPolicies.All, f => f.Version == name);

    [Fact]
    public void The_2008_version_and_a_later_current_version_ship_with_the_panel()
    {
        var first = Version("2008-06");
        var current = Version("2026-11");

        Assert.Equal(new DateTime(2008, 6, 1, 0, 0, 0, DateTimeKind.Utc), first.EffectiveFrom);
        Assert.True(current.EffectiveFrom > first.EffectiveFrom);
        Assert.All(ShippedPolicies.All, f => Assert.False(string.IsNullOrWhiteSpace(f.Summary)));
        Assert.DoesNotContain("---", current.Markdown.Split('\n')[0]);
    }

    [Theory]
    [InlineData("topic")]
    [InlineData("channel")]
    [InlineData("disclosure log")]
    [InlineData("hash chain")]
    [InlineData("support session")]
    [InlineData("approval")]
    [InlineData("payment gateway")]
    [InlineData("reason")]
    [InlineData("Cookies")]
    [InlineData("six years")]
    [InlineData("registry of domain names")]
    [InlineData("Global Privacy Control")]
    public void The_current_version_describes_what_the_panel_does(string words)
    {
        Assert.Contains(words, Version("2026-11").Markdown, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_2008_version_keeps_the_four_grounds_for_disclosing_the_contents_of_communications()
    {
        var text = Version("2008-06").Markdown;

        Assert.Contains("needed to provide the service", text);
        Assert.Contains("legitimate interests", text);
        Assert.Contains("interception orders, warrants or other legal process", text);
        Assert.Contains("law enforcement", text);
    }

    [Fact]
    public void The_2008_version_is_written_in_the_products_own_words_not_copied_from_the_old_policy()
    {
        var original = File.ReadAllText(Path.Combine(SharedFolder(), "context", "privacy-policy-2008.txt"));
        var sentences = original.Split(['.', '\n'], StringSplitOptions.TrimEntries).Where(s => s.Split(' ').Length >= 8);

        var copied = sentences.Where(s => Version("2008-06").Markdown.Contains(s, StringComparison.OrdinalIgnoreCase)).ToList();

        Assert.True(copied.Count == 0, "Copied from the 2008 policy: " + string.Join(" | ", copied));
    }

    [Fact]
    public void A_file_without_front_matter_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => ShippedPolicies.Parse("# No front matter", "broken.md"));
        Assert.Throws<InvalidDataException>(() => ShippedPolicies.Parse("---\nversion: x\n---\ntext", "no-date.md"));
    }

    private static string SharedFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var shared = Path.Combine(dir.FullName, "shared");
            if (File.Exists(Path.Combine(shared, "context", "privacy-policy-2008.txt")))
            {
                return shared;
            }
        }
        throw new InvalidOperationException("The shared folder with the 2008 policy was not found above the test run.");
    }
}

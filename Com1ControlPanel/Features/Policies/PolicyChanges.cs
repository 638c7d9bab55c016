using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Com1ControlPanel.Features.Policies;

/// <summary>
/// What changed between two versions, paragraph by paragraph as a reader sees them (not the Markdown): paragraphs kept,
/// removed and added, and for a changed paragraph the words removed and added.
/// </summary>
public static class PolicyChanges
{
    public static IReadOnlyList<ChangedBlock> Between(string fromMarkdown, string toMarkdown)
    {
        var before = string.Join('\n', PolicyText.ToPlainLines(fromMarkdown));
        var after = string.Join('\n', PolicyText.ToPlainLines(toMarkdown));
        var model = SideBySideDiffBuilder.Diff(before, after, ignoreWhiteSpace: true);
        var blocks = new List<ChangedBlock>();
        for (var i = 0; i < Math.Max(model.OldText.Lines.Count, model.NewText.Lines.Count); i++)
        {
            var old = i < model.OldText.Lines.Count ? model.OldText.Lines[i] : null;
            var @new = i < model.NewText.Lines.Count ? model.NewText.Lines[i] : null;
            if (old?.Type == ChangeType.Modified || @new?.Type == ChangeType.Modified)
            {
                blocks.Add(new ChangedBlock(BlockChange.Changed, Words(old), Words(@new)));
            }
            else if (old?.Type == ChangeType.Deleted)
            {
                blocks.Add(new ChangedBlock(BlockChange.Removed, [new Word(old.Text ?? "", WordChange.Removed)], []));
            }
            if (@new?.Type == ChangeType.Inserted)
            {
                blocks.Add(new ChangedBlock(BlockChange.Added, [], [new Word(@new.Text ?? "", WordChange.Added)]));
            }
            else if (old?.Type == ChangeType.Unchanged)
            {
                blocks.Add(new ChangedBlock(BlockChange.Kept, [new Word(old.Text ?? "", WordChange.Kept)], []));
            }
        }
        return blocks;
    }

    private static IReadOnlyList<Word> Words(DiffPiece? line) =>
        line is null ? [] :
        [
            .. line.SubPieces.Where(p => p.Type != ChangeType.Imaginary).Select(p => new Word(p.Text ?? "", p.Type switch
            {
                ChangeType.Deleted => WordChange.Removed,
                ChangeType.Inserted => WordChange.Added,
                _ => WordChange.Kept,
            })),
        ];
}

public enum BlockChange { Kept, Removed, Added, Changed }

public enum WordChange { Kept, Removed, Added }

/// <summary>One paragraph of the comparison: for a changed one, its words before and after.</summary>
public sealed record ChangedBlock(BlockChange Change, IReadOnlyList<Word> Before, IReadOnlyList<Word> After);

public sealed record Word(string Text, WordChange Change);

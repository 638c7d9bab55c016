using Com1ControlPanel.Features.PersonalData;

namespace Com1ControlPanel.Tests.Features.PersonalData;

/// <summary>
/// Every table of the database is either in the download or named as left out with a reason (<see cref="ExportCoverage"/>),
/// and the README's description of the file says the same.
/// </summary>
public sealed class ExportCoverageTests : IDisposable
{
    private readonly PanelServices kit = new();

    /// <summary>Every table of the EF model, Identity's among them (owned types live in their owner's table).</summary>
    private List<string> ModelTables()
    {
        using var db = kit.CreateDbContext();
        return [.. db.Model.GetEntityTypes().Select(t => t.GetTableName() ?? t.GetViewName() ?? t.Name).Distinct().Order()];
    }

    [Fact]
    public void Every_table_is_exported_or_left_out_with_a_reason()
    {
        var uncovered = ModelTables()
            .Where(table => ExportCoverage.SectionsOf(table).Count == 0 && ExportCoverage.ExclusionOf(table) is null)
            .ToList();

        Assert.True(uncovered.Count == 0,
            "These tables are neither in a section of ExportCoverage nor in its exclusions: " + string.Join(", ", uncovered)
            + ". Export what they hold about the customer, or exclude them with the reason.");
    }

    [Fact]
    public void The_coverage_names_only_tables_that_exist_and_none_both_exported_and_left_out()
    {
        var tables = ModelTables();
        var named = ExportCoverage.Sections.SelectMany(s => s.Tables).Concat(ExportCoverage.Exclusions.Select(e => e.Table)).Distinct();

        Assert.Empty(named.Except(tables));
        Assert.DoesNotContain(ExportCoverage.Exclusions, e => ExportCoverage.SectionsOf(e.Table).Count > 0);
        Assert.All(ExportCoverage.Exclusions, e => Assert.False(string.IsNullOrWhiteSpace(e.Reason), $"{e.Table} has no reason."));
        Assert.Equal(ExportCoverage.Sections.Count, ExportCoverage.Sections.Select(s => s.Name).Distinct().Count());
        Assert.Equal(ExportCoverage.Exclusions.Count, ExportCoverage.Exclusions.Select(e => e.Table).Distinct().Count());
    }

    [Fact]
    public void The_readme_describes_every_section_and_exclusion_as_the_coverage_does()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")).ReplaceLineEndings("\n");
        var expected = ExportCoverageMarkdown.Tables();

        Assert.True(readme.Contains(expected, StringComparison.Ordinal),
            "README.md's section on the personal data file must contain these tables, made from ExportCoverage:\n\n" + expected);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Com1ControlPanel.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("The repository root (Com1ControlPanel.sln) was not found.");
    }

    public void Dispose() => kit.Dispose();
}

/// <summary>The README's tables of the download's fields and of what it leaves out, made from <see cref="ExportCoverage"/>.</summary>
internal static class ExportCoverageMarkdown
{
    public static string Tables()
    {
        var sections = ExportCoverage.Sections.Select(s =>
            $"| `{s.Name}` | {s.Contents} | {string.Join(", ", s.Tables.Select(t => $"`{t}`"))} | {s.LeftOut ?? ""} |");
        var exclusions = ExportCoverage.Exclusions.Select(e => $"| `{e.Table}` | {e.Reason} |");
        return string.Join("\n",
        [
            "| Field | What it holds | Tables | Left out of those tables |",
            "|---|---|---|---|",
            .. sections,
            "",
            "| Table left out | Why |",
            "|---|---|",
            .. exclusions,
        ]) + "\n";
    }
}

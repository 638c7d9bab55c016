using System.Globalization;

namespace Com1ControlPanel.Features.Disclosures.Log;

/// <summary>
/// Disclosures over time by recipient category: one bar per year, or per month when the log spans under two years.
/// Periods without disclosures are included, so the axis is continuous.
/// </summary>
public sealed record DisclosureChartData(bool ByMonth, IReadOnlyList<DisclosurePeriod> Periods, IReadOnlyList<RecipientCategory> Categories)
{
    public static DisclosureChartData Empty { get; } = new(false, [], []);

    public int Total => Periods.Sum(p => p.Total);

    /// <summary>Builds the chart from counts per (year, month, category), as the grouped query returns them.</summary>
    public static DisclosureChartData From(IReadOnlyCollection<(int Year, int Month, RecipientCategory Category, int Count)> counts)
    {
        if (counts.Count == 0)
        {
            return Empty;
        }
        var first = counts.Min(c => c.Year * 12 + c.Month - 1);
        var last = counts.Max(c => c.Year * 12 + c.Month - 1);
        var byMonth = last - first < 24;
        var categories = counts.Select(c => c.Category).Distinct().Order().ToList();
        var periods = new List<DisclosurePeriod>();
        if (byMonth)
        {
            for (var month = first; month <= last; month++)
            {
                var (year, number) = (month / 12, month % 12 + 1);
                periods.Add(Period(new DateTime(year, number, 1).ToString("MMM yyyy", CultureInfo.InvariantCulture),
                    counts.Where(c => c.Year == year && c.Month == number)));
            }
        }
        else
        {
            for (var year = first / 12; year <= last / 12; year++)
            {
                var y = year;
                periods.Add(Period(y.ToString(CultureInfo.InvariantCulture), counts.Where(c => c.Year == y)));
            }
        }
        return new DisclosureChartData(byMonth, periods, categories);
    }

    private static DisclosurePeriod Period(string label, IEnumerable<(int Year, int Month, RecipientCategory Category, int Count)> counts) =>
        new(label, counts.GroupBy(c => c.Category).ToDictionary(g => g.Key, g => g.Sum(c => c.Count)));
}

/// <summary>One bar: how many disclosures went to each recipient category in a year or month.</summary>
public sealed record DisclosurePeriod(string Label, IReadOnlyDictionary<RecipientCategory, int> Counts)
{
    public int Total => Counts.Values.Sum();

    public int this[RecipientCategory category] => Counts.GetValueOrDefault(category);
}

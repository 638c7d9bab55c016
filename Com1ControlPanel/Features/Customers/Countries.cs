using System.Collections.Frozen;

namespace Com1ControlPanel.Features.Customers;

/// <param name="TimeZone">The IANA zone of the whole country, where all its zones keep the same time all year (from the
/// tz database's zone.tab); null where the country alone does not tell the time (the United States, Spain with the Canaries).</param>
public sealed record Country(string Code, string Name, string? TimeZone = null);

/// <summary>ISO 3166-1 countries with English names and their time zone, from the list shipped with the app (countries.tsv).</summary>
public static class Countries
{
    public static IReadOnlyList<Country> All { get; } = Load();

    private static readonly FrozenDictionary<string, Country> ByCode =
        All.ToFrozenDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);

    public static bool IsKnown(string? code) => code is not null && ByCode.ContainsKey(code);

    public static string NameOf(string? code) =>
        code is not null && ByCode.TryGetValue(code, out var country) ? country.Name : code ?? "";

    public static string? TimeZoneOf(string? code) =>
        code is not null && ByCode.TryGetValue(code, out var country) ? country.TimeZone : null;

    private static List<Country> Load()
    {
        using var stream = typeof(Countries).Assembly.GetManifestResourceStream("Com1ControlPanel.Features.Customers.countries.tsv")
            ?? throw new InvalidOperationException("countries.tsv is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var countries = new List<Country>();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var parts = line.Split('\t');
            countries.Add(new Country(parts[0], parts[1], parts.Length > 2 ? parts[2] : null));
        }
        return [.. countries.OrderBy(c => c.Name, StringComparer.Ordinal)];
    }
}

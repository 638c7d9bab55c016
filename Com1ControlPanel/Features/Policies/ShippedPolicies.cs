using System.Globalization;
using System.Reflection;

namespace Com1ControlPanel.Features.Policies;

/// <summary>
/// The versions of the privacy policy that ship with the panel: the Markdown files in <c>wwwroot-assets/policies/</c>,
/// compiled into the app. Each starts with front matter between two <c>---</c> lines:
/// <c>version</c>, <c>effective</c> (yyyy-MM-dd) and <c>summary</c>, one <c>key: value</c> per line.
/// </summary>
public static class ShippedPolicies
{
    private const string ResourcePrefix = "Com1ControlPanel.Policies.";

    public static IReadOnlyList<PolicyFile> All { get; } = Load(typeof(ShippedPolicies).Assembly);

    private static List<PolicyFile> Load(Assembly assembly) =>
    [
        .. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                return Parse(reader.ReadToEnd(), name[ResourcePrefix.Length..]);
            })
            .OrderBy(f => f.EffectiveFrom),
    ];

    /// <summary>Reads one file; a file without complete front matter stops the app at start rather than going unnoticed.</summary>
    public static PolicyFile Parse(string text, string fileName)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var end = Array.IndexOf(lines, "---", 1);
        if (lines.Length == 0 || lines[0] != "---" || end < 0)
        {
            throw new InvalidDataException($"{fileName}: the policy file must start with front matter between two --- lines.");
        }
        var fields = lines[1..end]
            .Select(l => l.Split(':', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim().ToLowerInvariant(), p => p[1].Trim());
        string Field(string key) => fields.TryGetValue(key, out var value) && value.Length > 0
            ? value : throw new InvalidDataException($"{fileName}: the front matter has no {key}.");
        var effective = DateTime.SpecifyKind(
            DateTime.ParseExact(Field("effective"), "yyyy-MM-dd", CultureInfo.InvariantCulture), DateTimeKind.Utc);
        return new PolicyFile(Field("version"), effective, Field("summary"), string.Join('\n', lines[(end + 1)..]).Trim() + "\n");
    }
}

/// <summary>A shipped version as its file has it.</summary>
public sealed record PolicyFile(string Version, DateTime EffectiveFrom, string Summary, string Markdown);

using System.Collections.Frozen;

namespace Com1ControlPanel.Features.Accounts.Passwords;

/// <summary>
/// The most common passwords, from the list shipped in the app (common-passwords.txt, source and licence in its header).
/// The whole list is loaded, also the entries shorter than the minimum length, and letter case is ignored: "PASSWORD"
/// is guessed as soon as "password".
/// </summary>
public static class CommonPasswords
{
    private const string Resource = "Com1ControlPanel.Features.Accounts.Passwords.common-passwords.txt";

    private static readonly Lazy<FrozenSet<string>> Set = new(() => ReadList().ToFrozenSet(StringComparer.OrdinalIgnoreCase));

    public static bool Contains(string password) => Set.Value.Contains(password);

    /// <summary>Every entry of the list as shipped, in its order (most common first).</summary>
    internal static IReadOnlyList<string> ReadList()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var entries = new List<string>(10_000);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                entries.Add(line);
            }
        }
        return entries;
    }
}

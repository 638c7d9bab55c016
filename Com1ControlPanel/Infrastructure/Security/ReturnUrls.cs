using System.Diagnostics.CodeAnalysis;

namespace Com1ControlPanel.Infrastructure.Security;

/// <summary>
/// Where a browser may be sent back to after signing in or out, switching theme and the like: a page of the panel and
/// nothing else, whatever the address bar or a form said. The rule is ASP.NET Core's Url.IsLocalUrl.
/// </summary>
public static class ReturnUrls
{
    public const string Home = "/";

    /// <summary>
    /// True for "/", "/page?x=1" and "~/page". False for other sites ("https://…", "//host", "/\host"), other schemes
    /// ("javascript:", "file:") and anything with control characters, which browsers drop ("/\t/host" becomes "//host").
    /// </summary>
    public static bool IsLocal([NotNullWhen(true)] string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return false;
        }
        var rest = url.StartsWith('/') ? url.AsSpan(1)
            : url.StartsWith("~/", StringComparison.Ordinal) ? url.AsSpan(2)
            : ReadOnlySpan<char>.Empty;
        if (rest.IsEmpty)
        {
            return url is "/" or "~/";
        }
        return rest[0] is not ('/' or '\\') && !rest.ContainsAny(ControlCharacters);
    }

    /// <summary><paramref name="url"/> when it is a page of the panel, otherwise the home page.</summary>
    public static string LocalOrHome(string? url) => IsLocal(url) ? url : Home;

    private static readonly System.Buffers.SearchValues<char> ControlCharacters =
        System.Buffers.SearchValues.Create([.. Enumerable.Range(0, 0x20).Select(c => (char)c), '\x7f']);
}

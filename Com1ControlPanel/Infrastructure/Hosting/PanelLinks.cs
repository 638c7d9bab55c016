using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Com1ControlPanel.Infrastructure.Hosting;

/// <summary>
/// Absolute links to pages of the panel, for emails. They always lead to the public address (Panel:PublicBaseUrl),
/// never to the host a request named: whoever sends a request writes its Host header, and a password reset link that
/// followed it would carry the customer's one-time code to someone else's site.
/// </summary>
public sealed class PanelLinks(IOptions<PanelOptions> panel)
{
    /// <summary>
    /// The absolute address of <paramref name="path"/>, a page of the panel such as "Account/ResetPassword", with the
    /// query values that are not null.
    /// </summary>
    public string To(string path, params (string Name, string? Value)[] query)
    {
        if (Uri.TryCreate(path, UriKind.Absolute, out _) || path.StartsWith("//", StringComparison.Ordinal) || path.Contains('\\'))
        {
            throw new ArgumentException("Links are built to paths of the panel only.", nameof(path));
        }
        var url = new Uri(panel.Value.PublicBaseUri, path.TrimStart('/')).AbsoluteUri;
        return QueryHelpers.AddQueryString(url, query.Where(q => q.Value is not null)
            .Select(q => KeyValuePair.Create(q.Name, q.Value)));
    }
}

using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Com1ControlPanel.Features.Policies;

/// <summary>
/// Turns a policy's Markdown into HTML that is safe to put in a page. Administrators write it, and an administrator's
/// account can be taken over, so the text can never carry script: raw HTML is not parsed (it comes out as text), links
/// keep only http, https, mailto and the panel's own paths, and images become plain links (a picture from elsewhere
/// would tell another site who reads the policy).
/// </summary>
public static class PolicyText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseAutoIdentifiers()
        .Build();

    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        // The page that shows the text has its own title: the text's headings sit one level below it.
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(6, heading.Level + 1);
        }
        foreach (var link in document.Descendants<LinkInline>())
        {
            link.Url = SafeUrl(link.Url);
            link.IsImage = false;
        }
        foreach (var autolink in document.Descendants<AutolinkInline>())
        {
            autolink.Url = SafeUrl(autolink.Url) ?? "";
        }
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>The text as a reader sees it, one paragraph, heading or list item per line: what the differences compare.</summary>
    public static IReadOnlyList<string> ToPlainLines(string markdown) =>
    [
        .. Markdown.ToPlainText(markdown, Pipeline)
            .Replace("\r\n", "\n")
            .Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0),
    ];

    /// <summary>The address if it is one a reader may follow; otherwise "#", which goes nowhere.</summary>
    public static string? SafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return url;
        }
        var trimmed = url.Trim();
        if (trimmed.StartsWith('/') && !trimmed.StartsWith("//", StringComparison.Ordinal) && !trimmed.Contains('\\'))
        {
            return trimmed;
        }
        if (trimmed.StartsWith('#'))
        {
            return trimmed;
        }
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && AllowedSchemes.Contains(uri.Scheme) ? trimmed : "#";
    }
}

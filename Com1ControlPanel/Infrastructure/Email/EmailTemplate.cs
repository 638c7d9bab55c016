using System.Text;
using System.Text.Encodings.Web;

namespace Com1ControlPanel.Infrastructure.Email;

/// <summary>
/// Builds the HTML and plain-text parts of a message in the Com 1 style. Every value is encoded here,
/// so a name typed as markup arrives as text.
/// </summary>
public static class EmailTemplate
{
    public sealed record Action(string Label, string Url);

    /// <summary>The small print under a message: why the recipient gets it and, for marketing, how to stop it.</summary>
    public sealed record Footer(string Text, Action? Link = null)
    {
        /// <summary>The default: essential messages cannot be unsubscribed from.</summary>
        public static Footer Essential { get; } =
            new("This is an essential message about your Com 1 account. You cannot unsubscribe from these.");

        /// <summary>Marketing: names the topic the recipient allowed and carries the one-click unsubscribe link.</summary>
        public static Footer Marketing(string topic, string unsubscribeUrl) => new(
            $"You receive this because you allow Com 1 to email you about: {topic}. "
            + "You can stop these emails at any time with the link below, or in your control panel under Preferences. "
            + "Essential notices about your account keep coming either way.",
            new("Unsubscribe from these emails", unsubscribeUrl));
    }

    public static EmailContent Compose(string greetingName, IEnumerable<string> paragraphs, Action? action = null, Footer? footer = null)
    {
        var lines = paragraphs.ToList();
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html><body style=\"font-family:Arial,Helvetica,sans-serif;color:#1f2933;\">")
            .Append("<p style=\"font-size:18px;font-weight:bold;color:#0b5cad;\">Com 1 Communications</p>")
            .Append("<p>Hello ").Append(HtmlEncoder.Default.Encode(greetingName)).Append(",</p>");
        var text = new StringBuilder().Append("Hello ").Append(greetingName).Append(",\n\n");

        foreach (var line in lines)
        {
            html.Append("<p>").Append(HtmlEncoder.Default.Encode(line)).Append("</p>");
            text.Append(line).Append("\n\n");
        }
        if (action is not null)
        {
            html.Append("<p><a href=\"").Append(HtmlEncoder.Default.Encode(action.Url))
                .Append("\" style=\"background:#0b5cad;color:#fff;padding:10px 16px;border-radius:4px;text-decoration:none;\">")
                .Append(HtmlEncoder.Default.Encode(action.Label)).Append("</a></p>");
            text.Append(action.Label).Append(": ").Append(action.Url).Append("\n\n");
        }

        footer ??= Footer.Essential;
        html.Append("<p style=\"color:#616e7c;font-size:12px;\">").Append(HtmlEncoder.Default.Encode(footer.Text));
        text.Append("-- \n").Append(footer.Text).Append('\n');
        if (footer.Link is { } link)
        {
            html.Append(" <a href=\"").Append(HtmlEncoder.Default.Encode(link.Url)).Append("\" style=\"color:#616e7c;\">")
                .Append(HtmlEncoder.Default.Encode(link.Label)).Append("</a>");
            text.Append(link.Label).Append(": ").Append(link.Url).Append('\n');
        }
        html.Append("</p></body></html>");
        return new EmailContent(html.ToString(), text.ToString());
    }
}

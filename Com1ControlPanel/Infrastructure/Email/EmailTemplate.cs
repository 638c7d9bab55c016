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

    public static EmailContent Compose(string greetingName, IEnumerable<string> paragraphs, Action? action = null)
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

        const string Footer = "This is an essential message about your Com 1 account. You cannot unsubscribe from these.";
        html.Append("<p style=\"color:#616e7c;font-size:12px;\">").Append(Footer).Append("</p></body></html>");
        text.Append("-- \n").Append(Footer).Append('\n');
        return new EmailContent(html.ToString(), text.ToString());
    }
}

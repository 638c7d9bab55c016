using System.Text;
using System.Text.Encodings.Web;

namespace Com1ControlPanel.Features.Billing.Gateway.Embedded;

/// <summary>
/// The embedded gateway's pages: plain HTML of its own, never a panel component, so what is typed here reaches only the
/// gateway. A form that comes back with messages never carries the card number or security code back into the page.
/// </summary>
internal static class EmbeddedCardPage
{
    /// <summary>The card form; <paramref name="name"/> and <paramref name="expiry"/> are what the customer typed before.</summary>
    public static string Form(string entryId, string nonce, bool dark, IReadOnlyDictionary<string, string> errors,
        string? name = null, string? expiry = null)
    {
        var html = Start(nonce, dark, "Card details");
        html.Append("<form method=\"post\" action=\"").Append(EmbeddedGateway.FormPath).Append("\" novalidate>")
            .Append("<input type=\"hidden\" name=\"entry\" value=\"").Append(Encode(entryId)).Append("\">");
        if (errors.Count > 0)
        {
            html.Append("<p class=\"summary\" role=\"alert\">")
                .Append(errors.Count == 1 ? "Check the field marked below." : "Check the fields marked below.")
                .Append(" For your safety the card number and security code are not kept: type them again.</p>");
        }
        Field(html, errors, EmbeddedCardCheck.NumberField, "Card number", "cc-number", "numeric", null, "wide", 23);
        Field(html, errors, EmbeddedCardCheck.NameField, "Name on card", "cc-name", null, name, "wide", 100);
        Field(html, errors, EmbeddedCardCheck.ExpiryField, "Expiry date (MM/YY)", "cc-exp", "numeric", expiry, "half", 7);
        Field(html, errors, EmbeddedCardCheck.CodeField, "Security code", "cc-csc", "numeric", null, "half", 4);
        html.Append("<button type=\"submit\">Save card</button>")
            .Append("<p class=\"note\">Test gateway: use 4242 4242 4242 4242 (Visa) or 5555 5555 5555 4444 (Mastercard) ")
            .Append("with any future date and code; 4000 0000 0000 0002 is declined.</p></form>");
        return End(html, nonce);
    }

    /// <summary>After a card is accepted: hands the token to the panel page that framed this one, and only to it.</summary>
    public static string Accepted(string token, string nonce, bool dark)
    {
        var html = Start(nonce, dark, "Card accepted");
        html.Append("<p class=\"done\" role=\"status\" id=\"accepted\" data-token=\"").Append(Encode(token))
            .Append("\">Card accepted. Saving it to your account…</p>")
            // The frame may only be framed by the panel itself (frame-ancestors 'self'), so the parent's origin is ours:
            // the token goes to that origin and nowhere else.
            .Append("<script nonce=\"").Append(nonce).Append("\">")
            .Append("var p=document.getElementById('accepted');")
            .Append("window.parent.postMessage({type:'com1-card-token',token:p.dataset.token},window.location.origin);")
            .Append("</script>");
        return End(html, nonce);
    }

    public static string Closed(string nonce, bool dark)
    {
        var html = Start(nonce, dark, "Card form closed");
        html.Append("<p class=\"summary\" role=\"alert\">This card form has closed. Nothing was saved. ")
            .Append("Close it and choose \"Add a card\" again.</p>");
        return End(html, nonce);
    }

    private static void Field(StringBuilder html, IReadOnlyDictionary<string, string> errors, string field, string label,
        string autocomplete, string? inputMode, string? value, string width, int maxLength)
    {
        var error = errors.GetValueOrDefault(field);
        html.Append("<div class=\"field ").Append(width).Append("\"><label for=\"").Append(field).Append("\">").Append(label)
            .Append("</label><input id=\"").Append(field).Append("\" name=\"").Append(field)
            .Append("\" autocomplete=\"").Append(autocomplete).Append("\" maxlength=\"").Append(maxLength).Append('"');
        if (inputMode is not null)
        {
            html.Append(" inputmode=\"").Append(inputMode).Append('"');
        }
        if (value is not null)
        {
            html.Append(" value=\"").Append(Encode(value)).Append('"');
        }
        if (error is not null)
        {
            html.Append(" aria-invalid=\"true\" aria-describedby=\"").Append(field).Append("-error\"");
        }
        html.Append('>');
        if (error is not null)
        {
            html.Append("<p class=\"error\" id=\"").Append(field).Append("-error\">").Append(Encode(error)).Append("</p>");
        }
        html.Append("</div>");
    }

    private static StringBuilder Start(string nonce, bool dark, string title) => new StringBuilder()
        .Append("<!DOCTYPE html><html lang=\"en\" class=\"").Append(dark ? "dark" : "light").Append("\"><head><meta charset=\"utf-8\">")
        .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").Append(title).Append("</title>")
        .Append("<style nonce=\"").Append(nonce).Append("\">").Append(Style).Append("</style></head><body>");

    // The panel sizes the frame to its content: the height is all this script tells it (when it loads, and when the panel
    // asks), and only the panel's origin hears it.
    private static string End(StringBuilder html, string nonce) => html
        .Append("<script nonce=\"").Append(nonce).Append("\">")
        .Append("function h(){window.parent.postMessage({type:'com1-card-height',height:document.body.offsetHeight+8},window.location.origin);}")
        .Append("h();window.addEventListener('message',function(e){")
        .Append("if(e.origin===window.location.origin&&e.source===window.parent&&e.data&&e.data.type==='com1-card-size'){h();}});")
        .Append("</script></body></html>").ToString();

    private static string Encode(string value) => HtmlEncoder.Default.Encode(value);

    // The panel's own colours (PanelTheme's surface, text, primary and error), so the frame reads as part of the card.
    private const string Style =
        "html{font-family:Roboto,Helvetica,Arial,sans-serif;font-size:15px;color-scheme:light}"
        + "html.dark{color-scheme:dark}body{margin:0;padding:4px 2px;background:#ffffff;color:#1f2933}"
        + ".dark body{background:#17212b;color:#e4e7eb}form{display:flex;flex-wrap:wrap;gap:12px}"
        + ".field{display:flex;flex-direction:column;gap:4px}.wide{flex:1 1 100%}.half{flex:1 1 calc(50% - 6px);min-width:120px}"
        + "label{font-size:13px;font-weight:500}"
        + "input{font:inherit;padding:10px 12px;border:1px solid #7b8794;border-radius:4px;background:#ffffff;color:inherit}"
        + ".dark input{background:#0f1720;border-color:#7b8794}"
        + "input:focus{outline:2px solid #0b5cad;outline-offset:1px}.dark input:focus{outline-color:#7cb8ff}"
        + "input[aria-invalid]{border-color:#c62828}.dark input[aria-invalid]{border-color:#ff8a80}"
        + ".error{margin:0;color:#c62828;font-size:13px}.dark .error{color:#ff8a80}"
        + ".summary{flex:1 1 100%;margin:0;padding:10px 12px;border-radius:4px;background:#fdecea;color:#611a15}"
        + ".dark .summary{background:#3b1f1f;color:#ffcdd2}"
        + "button{font:inherit;font-weight:500;padding:10px 20px;border:0;border-radius:4px;background:#0b5cad;color:#ffffff;cursor:pointer}"
        + ".dark button{background:#7cb8ff;color:#0b1a2b}"
        + ".note{flex:1 1 100%;margin:0;font-size:12px;color:#52606d}.dark .note{color:#a9b4c0}.done{margin:8px 0}";
}

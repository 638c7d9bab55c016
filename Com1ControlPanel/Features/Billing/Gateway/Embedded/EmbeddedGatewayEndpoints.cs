using System.Security.Cryptography;
using Com1ControlPanel.Components;

namespace Com1ControlPanel.Features.Billing.Gateway.Embedded;

/// <summary>
/// GET and POST /gateway/embedded/form: the embedded gateway's card form, with headers of its own. Only the panel may
/// frame it, it runs no script but its own, and it posts only to itself. The entry id in the address, made for one
/// signed-in customer by the panel's server, is what lets a browser use the form.
/// </summary>
public static class EmbeddedGatewayEndpoints
{
    public static IEndpointRouteBuilder MapEmbeddedGateway(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(EmbeddedGateway.FormPath, (HttpContext http, EmbeddedGateway gateway, string? entry) =>
        {
            var nonce = Nonce();
            return Page(http, nonce, gateway.IsOpen(entry)
                ? EmbeddedCardPage.Form(entry!, nonce, ThemePreference.IsDark(http), new Dictionary<string, string>())
                : EmbeddedCardPage.Closed(nonce, ThemePreference.IsDark(http)));
        });
        // The form is read by hand: the entry id is this form's one-time secret, so no antiforgery token is asked for.
        endpoints.MapPost(EmbeddedGateway.FormPath, async (HttpContext http, EmbeddedGateway gateway) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var entry = form["entry"].ToString();
            var nonce = Nonce();
            var dark = ThemePreference.IsDark(http);
            if (!gateway.IsOpen(entry))
            {
                return Page(http, nonce, EmbeddedCardPage.Closed(nonce, dark));
            }
            var submission = new CardSubmission(form[EmbeddedCardCheck.NumberField], form[EmbeddedCardCheck.NameField],
                form[EmbeddedCardCheck.ExpiryField], form[EmbeddedCardCheck.CodeField]);
            var outcome = gateway.Submit(entry, submission, out var token);
            return outcome switch
            {
                EmbeddedCardCheck.Outcome.Invalid invalid => Page(http, nonce, EmbeddedCardPage.Form(entry, nonce, dark,
                    invalid.Errors, submission.HolderName, submission.Expiry), StatusCodes.Status422UnprocessableEntity),
                _ when token is not null => Page(http, nonce, EmbeddedCardPage.Accepted(token, nonce, dark)),
                _ => Page(http, nonce, EmbeddedCardPage.Closed(nonce, dark)),
            };
        });
        return endpoints;
    }

    private static IResult Page(HttpContext http, string nonce, string html, int status = StatusCodes.Status200OK)
    {
        var headers = http.Response.Headers;
        // Stricter than the panel's pages in what may run, and framed by the panel alone.
        headers.ContentSecurityPolicy = $"default-src 'none'; style-src 'nonce-{nonce}'; script-src 'nonce-{nonce}'; "
            + "form-action 'self'; frame-ancestors 'self'; base-uri 'none'";
        headers.XFrameOptions = "SAMEORIGIN";
        headers.CacheControl = "no-store";
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    private static string Nonce() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
}

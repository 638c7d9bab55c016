using Com1ControlPanel.Infrastructure.RateLimiting;

namespace Com1ControlPanel.Features.Preferences;

public static class UnsubscribeEndpoints
{
    public const string InvalidText = "This unsubscribe link is not valid. Nothing was changed.";

    /// <summary>
    /// POST /unsubscribe/{token}: RFC 8058 one-click unsubscribe, as mail providers send it from the List-Unsubscribe
    /// header, and as the confirmation page's button sends it. The GET of the same address is the page
    /// <c>UnsubscribePage</c>, which changes nothing.
    /// </summary>
    public static IEndpointRouteBuilder MapUnsubscribe(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/unsubscribe/{token}", async (string token, HttpContext context, UnsubscribeService unsubscribe,
                CancellationToken cancellationToken) =>
            {
                // The body ("List-Unsubscribe=One-Click" from mail providers) is never read: only the signed token counts.
                var outcome = await unsubscribe.RedeemAsync(token, cancellationToken);
                return FromBrowser(context.Request) ? SeeResultPage(context, outcome) : PlainText(outcome);
            })
            // No cookies, no sign-in and no antiforgery token: mail providers have none, and the signed token is the proof.
            .AllowAnonymous()
            .DisableAntiforgery()
            .RequireRateLimiting(RateLimitPolicies.Unsubscribe)
            // Page routes answer POST too (for their forms): this endpoint must win the POST of the page's own address.
            .WithOrder(-1);
        return endpoints;
    }

    private static IResult PlainText(UnsubscribeResult outcome) => outcome.Status switch
    {
        UnsubscribeStatus.Unsubscribed => TypedResults.Text(
            $"You are unsubscribed from: {outcome.What}. Essential account and system notices will keep coming.",
            "text/plain; charset=utf-8"),
        UnsubscribeStatus.AlreadyUsed => TypedResults.Text(
            "This unsubscribe link has already been used. Nothing more was changed.", "text/plain; charset=utf-8"),
        _ => TypedResults.Text(InvalidText, "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest),
    };

    // A person pressed the button on the confirmation page: show them a page, and one a reload cannot post again.
    private static IResult SeeResultPage(HttpContext context, UnsubscribeResult outcome)
    {
        var result = outcome.Status switch
        {
            UnsubscribeStatus.Unsubscribed => "unsubscribed",
            UnsubscribeStatus.AlreadyUsed => "used",
            _ => "invalid",
        };
        var about = outcome.Key is { } key ? $"&purpose={key.Purpose}&channel={key.Channel}" : "";
        context.Response.Headers.Location = $"{context.Request.PathBase}/unsubscribe/done?result={result}{about}";
        return TypedResults.StatusCode(StatusCodes.Status303SeeOther);
    }

    private static bool FromBrowser(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
}

namespace Com1ControlPanel.Features.BillingDesk;

/// <summary>
/// The card page link from billing's email: a plain GET, as the customer clicks it in their mail program. Signing in
/// comes first (the sign-in page brings the browser back here), so a mail scanner that follows links without the
/// customer's sign-in never spends it.
/// </summary>
public static class CardLinkEndpoints
{
    public static IEndpointRouteBuilder MapCardPageLinks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet($"{CardPageLinks.LinkPath}/{{token}}", async (string token, CardPageLinks cardLinks, HttpContext http) =>
        {
            var use = await cardLinks.RedeemAsync(token, http.RequestAborted);
            // The link must not stay in the browser's history or travel on as a referrer.
            http.Response.Headers.CacheControl = "no-store";
            return use == CardLinkUse.Opened
                ? Results.LocalRedirect($"~{CardPageLinks.CardPage}")
                : Results.LocalRedirect($"~{CardPageLinks.LinkPath}?problem={use}");
        }).RequireAuthorization();
        return endpoints;
    }
}

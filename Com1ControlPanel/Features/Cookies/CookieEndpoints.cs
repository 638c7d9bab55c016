using System.Security.Claims;
using Com1ControlPanel.Components;
using Com1ControlPanel.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace Com1ControlPanel.Features.Cookies;

public static class CookieEndpoints
{
    /// <summary>Where the banner's two buttons post: a plain form, so it works on server-rendered and live pages alike.</summary>
    public const string ChoicePath = "/cookies/choice";

    /// <summary>
    /// POST /cookies/choice: the visitor's answer to the banner. A signed-in customer's becomes their usage statistics
    /// consent; anyone else's is kept in an essential cookie. Support sessions never get here (the session guard refuses
    /// the path and records the attempt).
    /// </summary>
    public static IEndpointRouteBuilder MapCookieChoice(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(ChoicePath, async ([FromForm] string? choice, [FromForm] string? returnUrl, HttpContext context,
            CookieConsent consent, CancellationToken cancellationToken) =>
        {
            var back = ReturnUrls.LocalOrHome(returnUrl);
            if (CookieAnswers.Parse(choice) is not { } answer)
            {
                return Results.LocalRedirect(back);
            }
            var user = context.User;
            if (user.IsSupportSession())
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }
            if (user.Identity?.IsAuthenticated == true)
            {
                // Staff are never counted, so they have nothing to answer; customers answer with their account.
                if (user.IsInRole(Roles.Customer) && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } customerId)
                {
                    await consent.AnswerAsync(customerId, user.GetDisplayName(), answer, cancellationToken);
                }
                return Results.LocalRedirect(back);
            }
            context.Response.Cookies.Append(CookieRegistry.CookieChoice.Name, answer.ToCookieValue(), new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(182),
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                IsEssential = true,
                Path = "/",
            });
            return Results.LocalRedirect(back);
        });
        return endpoints;
    }

    /// <summary>The visitor's answer cookie, as the request carries it.</summary>
    public static string? AnswerCookie(HttpContext context) => context.Request.Cookies[CookieRegistry.CookieChoice.Name];

    /// <summary>Where this request's visitor stands on cookies.</summary>
    public static Task<CookieStatus> StatusAsync(this CookieConsent consent, HttpContext context) =>
        consent.StatusAsync(context.User, AnswerCookie(context), Visitor.SendsGlobalPrivacyControl(context.Request), context.RequestAborted);
}

using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Com1ControlPanel.Data;
using Com1ControlPanel.Infrastructure.Security;

namespace Com1ControlPanel.Features.Accounts;

internal sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    public static readonly string StatusCookieName = Cookies.CookieRegistry.StatusMessage.Name;

    private static readonly CookieBuilder StatusCookieBuilder = new()
    {
        SameSite = SameSiteMode.Strict,
        HttpOnly = true,
        IsEssential = true,
        MaxAge = TimeSpan.FromSeconds(5),
    };

    /// <summary>
    /// Sends the browser to a page of the panel named by the code: "Account/Login", "/page", "~/page" or an address at the
    /// panel's own base. Anything else goes home instead of away.
    /// </summary>
    public void RedirectTo(string? uri)
    {
        // Built on the panel's base, so nothing in the path can turn into another scheme or host.
        var path = ReturnUrls.LocalOrHome(AppPath(uri ?? ""));
        navigationManager.NavigateTo(navigationManager.BaseUri + path[1..]);
    }

    /// <summary>Sends the browser back to where a request asked to return: only ever a page of the panel.</summary>
    public void RedirectToReturnUrl(string? returnUrl) => RedirectTo(ReturnUrls.LocalOrHome(returnUrl));

    public void RedirectTo(string uri, Dictionary<string, object?> queryParameters)
    {
        var uriWithoutQuery = navigationManager.ToAbsoluteUri(uri).GetLeftPart(UriPartial.Path);
        var newUri = navigationManager.GetUriWithQueryParameters(uriWithoutQuery, queryParameters);
        RedirectTo(newUri);
    }

    public void RedirectToWithStatus(string uri, string message, HttpContext context)
    {
        context.Response.Cookies.Append(StatusCookieName, message, StatusCookieBuilder.Build(context));
        RedirectTo(uri);
    }

    private string CurrentPath => navigationManager.ToAbsoluteUri(navigationManager.Uri).GetLeftPart(UriPartial.Path);

    public void RedirectToCurrentPageWithStatus(string message, HttpContext context)
        => RedirectToWithStatus(CurrentPath, message, context);

    public void RedirectToInvalidUser(UserManager<ApplicationUser> userManager, HttpContext context)
        => RedirectToWithStatus("Account/InvalidUser", $"Error: Unable to load user with ID '{userManager.GetUserId(context.User)}'.", context);

    /// <summary>"/page" for each way the code names a page; a name with a scheme of its own is not a page.</summary>
    private string AppPath(string uri)
    {
        var baseUri = navigationManager.BaseUri;
        if (uri.StartsWith(baseUri, StringComparison.OrdinalIgnoreCase))
        {
            return "/" + uri[baseUri.Length..];
        }
        if (uri.StartsWith("~/", StringComparison.Ordinal))
        {
            return uri[1..];
        }
        if (uri.StartsWith('/'))
        {
            return uri;
        }
        var colon = uri.IndexOf(':');
        var pathEnd = uri.IndexOfAny(['/', '?', '#']);
        return colon >= 0 && (pathEnd < 0 || colon < pathEnd) ? ReturnUrls.Home : "/" + uri;
    }
}

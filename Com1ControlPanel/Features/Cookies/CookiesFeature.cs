namespace Com1ControlPanel.Features.Cookies;

public static class CookiesFeature
{
    /// <summary>The registry of the panel's cookies, the cookies page made from it, and the banner's answers.</summary>
    public static IServiceCollection AddCookies(this IServiceCollection services) => services.AddScoped<CookieConsent>();

    public static IEndpointRouteBuilder MapCookies(this IEndpointRouteBuilder endpoints) => endpoints.MapCookieChoice();
}

namespace Com1ControlPanel.Features.BillingDesk;

public static class BillingDeskFeature
{
    /// <summary>
    /// /staff/billing: billing staff find a customer and change their contact data on their behalf, suspend or reactivate
    /// the account, and send a one-time link to the card page.
    /// </summary>
    public static IServiceCollection AddBillingDesk(this IServiceCollection services)
    {
        services.AddScoped<BillingCustomers>();
        services.AddScoped<BillingContactChanges>();
        services.AddScoped<AccountStatusDesk>();
        services.AddScoped<CardPageLinks>();
        return services;
    }

    /// <summary>The card page link from billing's email, which spends it before the card page opens.</summary>
    public static IEndpointRouteBuilder MapBillingDesk(this IEndpointRouteBuilder endpoints) => endpoints.MapCardPageLinks();
}

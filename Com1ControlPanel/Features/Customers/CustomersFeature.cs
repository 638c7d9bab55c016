namespace Com1ControlPanel.Features.Customers;

public static class CustomersFeature
{
    /// <summary>
    /// The customer record: its changes with their history, the staff search that finds customers, and the account
    /// status every page shows while the account is suspended.
    /// </summary>
    public static IServiceCollection AddCustomers(this IServiceCollection services)
    {
        services.AddSingleton<CustomerChanges>();
        // Staff find customers with it: compliance to record disclosures, support to start sessions, billing to help.
        services.AddScoped<CustomerSearch>();
        services.AddSingleton<StaffSearchLimit>();
        services.AddOptions<BillingContact>().BindConfiguration(BillingContact.Section);
        services.AddScoped<AccountStatusNotice>();
        services.AddSingleton<AccountStatusEvents>();
        services.AddSingleton<CustomerTimeZones>();
        return services;
    }
}

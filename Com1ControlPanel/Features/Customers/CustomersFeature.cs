namespace Com1ControlPanel.Features.Customers;

public static class CustomersFeature
{
    /// <summary>The customer record: its changes with their history, and the staff search that finds customers.</summary>
    public static IServiceCollection AddCustomers(this IServiceCollection services)
    {
        services.AddSingleton<CustomerChanges>();
        // Staff find customers with it: compliance to record disclosures, support to start sessions.
        services.AddScoped<CustomerSearch>();
        services.AddSingleton<StaffSearchLimit>();
        return services;
    }
}

namespace Com1ControlPanel.Features.Support.Access;

public static class AccessRegistration
{
    /// <summary>"Who accessed my account" (/access): the customer's access history and their answers to support.</summary>
    public static IServiceCollection AddSupportAccessPage(this IServiceCollection services)
    {
        services.AddScoped<AccessHistoryService>();
        services.AddScoped<AccessApprovalService>();
        return services;
    }
}

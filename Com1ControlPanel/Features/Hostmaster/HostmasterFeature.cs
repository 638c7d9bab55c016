namespace Com1ControlPanel.Features.Hostmaster;

public static class HostmasterFeature
{
    /// <summary>
    /// /staff/hostmaster: Com 1's hostmasters work the queue of Technical Contact moves customers ask for on their domain's
    /// page (open requests oldest first), take one, then complete it (the domain record, the customer's email and the
    /// registry disclosure in their log, together) or reject it with a reason the customer reads.
    /// </summary>
    public static IServiceCollection AddHostmaster(this IServiceCollection services)
    {
        services.AddScoped<HostmasterQueue>();
        services.AddScoped<MoveCompletion>();
        return services;
    }
}

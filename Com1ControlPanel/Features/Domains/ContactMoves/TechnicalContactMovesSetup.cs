namespace Com1ControlPanel.Features.Domains.ContactMoves;

public static class TechnicalContactMovesSetup
{
    /// <summary>
    /// The customer's requests to move a domain's Technical Contact to another company, shown on the domain's page; the
    /// Hostmaster feature works them.
    /// </summary>
    public static IServiceCollection AddTechnicalContactMoves(this IServiceCollection services)
    {
        services.AddOptions<TechnicalContactMoveOptions>().BindConfiguration(TechnicalContactMoveOptions.Section);
        services.AddSingleton<MoveViewReader>();
        services.AddScoped<TechnicalContactMoves>();
        return services;
    }
}

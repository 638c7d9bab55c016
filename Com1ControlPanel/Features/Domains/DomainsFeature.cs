using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Domains.ContactMoves;

namespace Com1ControlPanel.Features.Domains;

public static class DomainsFeature
{
    /// <summary>
    /// The domains customers registered through Com 1: their record and the one way it changes (<see cref="DomainChanges"/>),
    /// and the staff search's view of who holds which domain.
    /// </summary>
    public static IServiceCollection AddDomains(this IServiceCollection services)
    {
        services.AddOptions<DomainOptions>().BindConfiguration(DomainOptions.Section);
        services.AddSingleton<DomainChanges>();
        services.AddSingleton<IDomainHolders, DomainHolders>();
        services.AddTechnicalContactMoves();
        return services;
    }
}

using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Domains.ContactMoves;
using Com1ControlPanel.Features.Domains.Rdap;

namespace Com1ControlPanel.Features.Domains;

public static class DomainsFeature
{
    /// <summary>
    /// The domains customers registered through Com 1: their record and the one way it changes (<see cref="DomainChanges"/>),
    /// /domains for customers, the public registry's view (<see cref="RegistryPublication"/>) and its RDAP service, and the
    /// staff search's view of who holds which domain.
    /// </summary>
    public static IServiceCollection AddDomains(this IServiceCollection services)
    {
        services.AddOptions<DomainOptions>().BindConfiguration(DomainOptions.Section);
        services.AddSingleton<DomainChanges>();
        services.AddSingleton<IDomainHolders, DomainHolders>();
        services.AddScoped<DomainService>();
        services.AddSingleton<RegistryLookup>();
        services.AddTechnicalContactMoves();
        return services;
    }

    /// <summary>The public RDAP service at /rdap.</summary>
    public static IEndpointRouteBuilder MapDomains(this IEndpointRouteBuilder endpoints) => endpoints.MapRdap();
}

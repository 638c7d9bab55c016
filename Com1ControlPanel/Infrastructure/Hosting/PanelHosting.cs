using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;

namespace Com1ControlPanel.Infrastructure.Hosting;

public static class PanelHosting
{
    /// <summary>
    /// Where the panel runs: its public address, the links built from it, and the hosts it answers to. A request naming
    /// any other host gets 400 before it reaches a page, so it can neither send an email nor change anything.
    /// </summary>
    public static IServiceCollection AddPanelHosting(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddOptions<PanelOptions>().BindConfiguration(PanelOptions.Section);
        services.AddSingleton<PanelLinks>();
        // WebApplication already runs host filtering first in the pipeline; this replaces its "AllowedHosts" setting.
        services.AddOptions<HostFilteringOptions>().Configure<IOptions<PanelOptions>>((filtering, panel) =>
            filtering.AllowedHosts = [.. AllowedHosts(panel.Value, environment.IsDevelopment())]);
        return services;
    }

    /// <summary>The public address's host, the extra hosts in Panel:AllowedHosts and, in Development, this machine.</summary>
    public static IEnumerable<string> AllowedHosts(PanelOptions panel, bool development)
    {
        var publicUri = panel.PublicBaseUri;
        // Uri gives an IPv6 host in brackets, as the Host header carries it; a name in its ASCII (punycode) form.
        IEnumerable<string> hosts = [publicUri.HostNameType == UriHostNameType.IPv6 ? publicUri.Host : publicUri.IdnHost];
        hosts = hosts.Concat(panel.AllowedHosts.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (development)
        {
            hosts = hosts.Concat(["localhost", "127.0.0.1", "[::1]"]);
        }
        return hosts.Distinct(StringComparer.OrdinalIgnoreCase);
    }
}

using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Disclosures;
using Com1ControlPanel.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Com1ControlPanel.Tests.Features.Disclosures.Log;

/// <summary>
/// The whole app (demo data seeded) on a fake clock that starts now. The notice job's own loop is left out so a test
/// decides when notices run, by calling <see cref="DisclosureNotices.RunOnceAsync"/>.
/// </summary>
public sealed class ClockedPanelApp : IDisposable
{
    private readonly PanelAppFactory inner = new();

    public ClockedPanelApp()
    {
        App = inner.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            var job = services.Single(s => s.ServiceType == typeof(IHostedService) && s.ImplementationType == typeof(DisclosureNoticeJob));
            services.Remove(job);
        }));
    }

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public WebApplicationFactory<Program> App { get; }

    public IServiceProvider Services => App.Services;

    public AppDbContext CreateDbContext() => Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();

    public void Dispose() => inner.Dispose();
}

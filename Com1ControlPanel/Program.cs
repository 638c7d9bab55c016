using Com1ControlPanel.Components;
using Com1ControlPanel.Data;
using Com1ControlPanel.Features;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Features.UsageStatistics;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Email;
using Com1ControlPanel.Infrastructure.Hosting;
using Com1ControlPanel.Infrastructure.Jobs;
using Com1ControlPanel.Infrastructure.Logging;
using Com1ControlPanel.Infrastructure.RateLimiting;
using Com1ControlPanel.Infrastructure.Security;
using Serilog;

Log.Logger = PanelLogging.CreateBootstrapLogger();
try
{
    var builder = WebApplication.CreateBuilder(args);

    if (!builder.Environment.IsDevelopment() && !builder.Environment.IsProduction())
    {
        // Development does this by itself; test and staging hosts serve assets straight from the build too.
        builder.WebHost.UseStaticWebAssets();
    }
    builder.AddPanelLogging();
    builder.Services.AddPanelHosting(builder.Environment);
    builder.Services.AddPanelTransport(builder.Configuration, builder.Environment);
    builder.Services.AddPanelDatabase(builder.Configuration, builder.Environment);
    builder.Services.AddPanelAuditing();
    builder.Services.AddPanelEmail(builder.Configuration);
    builder.Services.AddPanelUi(builder.Environment);
    builder.Services.AddPanelRateLimiting(builder.Configuration);
    builder.Services.AddPanelFeatures(builder.Configuration, builder.Environment);
    builder.Services.AddPanelJobs(builder.Configuration, builder.Environment);

    var app = builder.Build();

    // First, so everything after it sees the real scheme and client behind a proxy; plain http goes to https.
    app.UsePanelTransport();
    app.UsePanelErrorHandling();
    app.UsePanelSecurityHeaders();
    app.UseThemePreferenceHints();
    app.UsePanelRequestLogging();
    // Routing after error handling, headers and logging, so a routing failure gets all three.
    app.UseRouting();
    app.UseAuthentication();
    // Before authorization: an ended support session gives the browser back to the agent before any page is chosen.
    app.UseSupportSessionGuard();
    app.UseAuthorization();
    // After authentication (downloads count per user) and routing (each page or endpoint names its limit).
    app.UsePanelRateLimiting();
    app.UseAntiforgery();
    app.UseAuthenticationStateForEndpoints();
    app.UsePrivacySignal();
    app.UseBrowserTimeZone();
    app.UseUsageStatistics();

    app.MapStaticAssets();
    // The panel's own policy already refuses all framing ('none'); Blazor's weaker default would only add noise.
    app.MapRazorComponents<App>().AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null);
    app.MapPanelHealth();
    app.MapThemeEndpoint();
    app.MapPanelFeatures();
    app.MapPanelJobs();

    await app.PrepareDatabaseAsync();
    await app.RunAsync();
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "The control panel stopped unexpectedly");
    throw;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>The app's entry point; public so the tests can host it.</summary>
public partial class Program;

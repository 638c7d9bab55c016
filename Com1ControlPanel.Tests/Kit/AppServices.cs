using Com1ControlPanel.Data;
using Com1ControlPanel.Features;
using Com1ControlPanel.Features.Announcements;
using Com1ControlPanel.Features.Disclosures.Compliance;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Email;
using Com1ControlPanel.Infrastructure.Hosting;
using Com1ControlPanel.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace Com1ControlPanel.Tests.Kit;

/// <summary>
/// The app's own service registrations, as Program.cs makes them (without the web host, its UI and its database), over a
/// test database and a clock of the test's. Services under test are resolved from here, never built by hand, so a service
/// that gains a dependency needs no test to change. When Program.cs registers its services differently, this follows it.
/// </summary>
internal static class AppServices
{
    public static IServiceCollection AddAppServices(this IServiceCollection services, TestDatabase database, TimeProvider clock,
        string root, IReadOnlyDictionary<string, string> settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(Defaults(root).Concat(settings).Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build();
        var environment = new HostingEnvironment
        {
            EnvironmentName = "Testing", ApplicationName = "Com1ControlPanel", ContentRootPath = root,
            ContentRootFileProvider = new NullFileProvider(),
        };
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(environment);
        services.AddLogging();

        services.AddPanelHosting(environment);
        services.AddPanelAuditing();
        services.AddPanelEmail(configuration);
        services.AddPanelRateLimiting(configuration);
        services.AddPanelFeatures(configuration, environment);

        // No job engine here: group disclosures and announcements wait until the test runs their job.
        services.AddSingleton<RecordedDisclosureWrites>();
        services.AddSingleton<IDisclosureWriteQueue>(sp => sp.GetRequiredService<RecordedDisclosureWrites>());
        services.AddSingleton<RecordedAnnouncements>();
        services.AddSingleton<IAnnouncementQueue>(sp => sp.GetRequiredService<RecordedAnnouncements>());

        services.AddSingleton<IDbContextFactory<AppDbContext>>(database);
        services.AddScoped(_ => database.CreateDbContext());
        services.AddSingleton(clock);
        services.AddSingleton<OpenScopes>();
        // Who is signed in is the test's to say (UserScope); nothing here revalidates it against the database.
        services.AddScoped<AuthenticationStateProvider, ServerAuthenticationStateProvider>();
        // Nobody signs in over HTTP here: hashing test passwords at full strength would only slow the tests down.
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1);
        return services;
    }

    private static IEnumerable<KeyValuePair<string, string>> Defaults(string root)
    {
        yield return new("Mail:PickupDirectory", Path.Combine(root, "mail"));
    }
}

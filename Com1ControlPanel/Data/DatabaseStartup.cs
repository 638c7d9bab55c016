using Com1ControlPanel.Data.DemoData;
using Com1ControlPanel.Features.Policies;
using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Data;

public static class DatabaseStartup
{
    /// <summary>
    /// Applies migrations, adds the shipped privacy policy versions, makes sure every role exists, and in Development (or when Seeding:DemoData is set
    /// outside Production) adds the demo accounts. Demo data never goes into a Production database.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }

        // The shipped privacy policy versions join their table before anything records which version is in force.
        await services.GetRequiredService<PolicyStore>().EnsureShippedAsync();

        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var seedDemoData = app.Configuration.GetValue("Seeding:DemoData", app.Environment.IsDevelopment());
        if (seedDemoData && !app.Environment.IsProduction())
        {
            var disclosures = ActivatorUtilities.CreateInstance<DemoDisclosures>(services);
            var supportAccess = ActivatorUtilities.CreateInstance<DemoSupportAccess>(services);
            var paymentCards = ActivatorUtilities.CreateInstance<DemoPaymentCards>(services);
            var domains = ActivatorUtilities.CreateInstance<DemoDomains>(services);
            var contactMoves = ActivatorUtilities.CreateInstance<DemoTechnicalContactMoves>(services);
            await ActivatorUtilities.CreateInstance<DemoDataSeeder>(services, disclosures, supportAccess, paymentCards, domains, contactMoves)
                .SeedAsync();
        }

        await services.GetRequiredService<ConsentBackfill>().RunAsync();
    }
}

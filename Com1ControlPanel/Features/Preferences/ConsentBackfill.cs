using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Preferences;

/// <summary>
/// Gives customers who have no preferences yet (accounts older than the preferences page) their starting choices,
/// recorded like a new account's. Runs at start-up; finds nobody once every customer has them.
/// </summary>
public sealed class ConsentBackfill(IDbContextFactory<AppDbContext> dbFactory, ConsentLedger ledger, ConsentDefaults defaults)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var customers = await db.Customers
            .Where(c => !db.ConsentStates.Any(s => s.CustomerId == c.Id))
            .Select(c => new { c.Id, c.CountryCode })
            .ToListAsync(cancellationToken);
        foreach (var customer in customers)
        {
            await ledger.ApplyAsync(db, customer.Id, defaults.For(customer.CountryCode),
                ConsentDefaults.CountryRule, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        return customers.Count;
    }
}

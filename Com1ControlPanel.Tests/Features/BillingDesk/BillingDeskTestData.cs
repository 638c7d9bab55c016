using System.Security.Claims;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Infrastructure.Email;
using Com1ControlPanel.Infrastructure.Security;

namespace Com1ControlPanel.Tests.Features.BillingDesk;

/// <summary>The whole app on a fake clock that starts now, for the billing desk's services: a test moves it to expire links.</summary>
public sealed class BillingDeskApp() : PanelApp(new AppOptions { FakeClock = true });

/// <summary>Who works the billing desk in these tests, and what a test reads back about a customer.</summary>
public static class BillingDeskTestData
{
    /// <summary>A member of billing staff as the server sees them; staff never change in these tests, so one will do.</summary>
    public static readonly ClaimsPrincipal Billing = Principals.Of("billing-staff-1", "Sam Tester", Roles.Billing);

    public static readonly ClaimsPrincipal Agent = Principals.Agent("agent-staff-1", "Dana Tester");

    extension(IPanel panel)
    {
        public async Task<Customer> StoredAsync(string customerId)
        {
            await using var db = panel.CreateDbContext();
            return await db.Customers.AsNoTracking().SingleAsync(c => c.Id == customerId);
        }

        public async Task<List<ProfileChange>> HistoryAsync(string customerId)
        {
            await using var db = panel.CreateDbContext();
            return await db.ProfileChanges.AsNoTracking().Where(c => c.CustomerId == customerId).OrderBy(c => c.Id).ToListAsync();
        }

        /// <summary>Every message queued for the customer (their text stays until delivered, or is cleared when secret).</summary>
        public async Task<List<OutboxMessage>> MessagesToAsync(string customerId)
        {
            await using var db = panel.CreateDbContext();
            return await db.OutboxMessages.AsNoTracking().Where(m => m.RecipientUserId == customerId).OrderBy(m => m.CreatedAt).ToListAsync();
        }
    }
}

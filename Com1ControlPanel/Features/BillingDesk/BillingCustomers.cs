using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.BillingDesk;

/// <summary>
/// Finding a customer and opening their record at the billing desk. The search is the staff search every desk uses
/// (at least 3 characters, capped, limited, recorded); the record holds the contact data billing works with.
/// </summary>
public sealed class BillingCustomers(
    IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, CustomerSearch search, ILogger<BillingCustomers> logger)
{
    public const int HistoryShown = 20;
    public const int CardLinksShown = 5;

    public async Task<CustomerSearchResult<BillingCandidate>> FindAsync(string? query, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireBillingAsync();
        var result = await search.FindAsync(query, cancellationToken);
        return new([.. result.Found.Select(m => new BillingCandidate(m.Id, m.CustomerNumber, m.FullName, m.Email, m.City, m.Status))],
            result.HasMore, result.Refusal);
    }

    /// <summary>The customer's record, or null when there is no such customer (staff accounts never are).</summary>
    public async Task<BillingCustomerRecord?> GetAsync(string customerId, CancellationToken cancellationToken = default)
    {
        var staff = await currentUser.RequireBillingAsync();
        if (string.IsNullOrEmpty(customerId) || customerId.Length > 450)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await (from c in db.Customers.AsNoTracking()
                           join u in db.Users on c.Id equals u.Id
                           where c.Id == customerId
                           select new { Customer = c, u.Email }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }
        var customer = found.Customer;
        var history = await db.ProfileChanges.AsNoTracking()
            .Where(c => c.CustomerId == customerId)
            .OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id)
            .Take(HistoryShown)
            .ToListAsync(cancellationToken);
        var links = await db.CardPageLinks.AsNoTracking()
            .Where(l => l.CustomerId == customerId)
            .OrderByDescending(l => l.SentAt)
            .Take(CardLinksShown)
            .Select(l => new CardLinkView(l.SentAt, l.SentByName, l.ExpiresAt, l.UsedAt))
            .ToListAsync(cancellationToken);
        // Who opened which record is in the log (ids only), for review alongside the recorded searches.
        logger.LogInformation("Billing staff {StaffUserId} opened customer {CustomerId}", staff.UserId, customerId);
        return new BillingCustomerRecord(customer.Id, customer.CustomerNumber, customer.FullName, found.Email ?? "",
            customer.CustomerSince,
            new AccountStatusView(customer.Status, customer.StatusReason, customer.StatusMessage, customer.StatusChangedAt),
            BillingContactForm.From(customer), [.. history.Select(ForStaff)], links);
    }

    private static StaffHistoryRow ForStaff(ProfileChange change)
    {
        var view = ProfileChangeView.From(change, change.CustomerId);
        var by = change.Source switch
        {
            ChangeSource.Customer when change.ActorUserId == change.CustomerId => "The customer",
            ChangeSource.SupportOnBehalf => $"Com 1 support ({change.ActorName}) on the customer's behalf",
            ChangeSource.BillingOnBehalf => $"Com 1 billing ({change.ActorName}) on the customer's behalf",
            _ => view.ChangedBy,
        };
        return new(view.ChangedAt, view.Field, view.OldValue, view.NewValue, by, view.Reason, view.Reference);
    }
}

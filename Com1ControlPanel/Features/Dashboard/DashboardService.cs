using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Accounts.SignIns;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Dashboard;

/// <summary>What the signed-in customer sees first: who they are to Com 1, what they buy, and how they last signed in.</summary>
public sealed class DashboardService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser)
{
    public async Task<CustomerSummary> GetCustomerSummaryAsync(CancellationToken cancellationToken = default)
    {
        var customerId = await currentUser.GetCustomerIdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var customer = await db.Customers.AsNoTracking()
            .Include(c => c.Services)
            .SingleAsync(c => c.Id == customerId, cancellationToken);

        // The newest success is usually this very sign-in; the one before it is what the customer wants to check.
        var successes = await db.SignInRecords.AsNoTracking()
            .Where(r => r.UserId == customerId && r.Succeeded)
            .OrderByDescending(r => r.At).Take(2)
            .ToListAsync(cancellationToken);
        var previous = successes.Count == 2 ? successes[1] : null;
        var failuresSince = previous is null ? 0 : await db.SignInRecords
            .CountAsync(r => r.UserId == customerId && !r.Succeeded && r.At > previous.At, cancellationToken);

        var services = customer.Services
            .OrderBy(s => s.Service.DisplayName())
            .Select(s => new SubscribedService(s.Service.DisplayName(), s.Plan, s.StartedOn))
            .ToList();
        return new CustomerSummary(customer.FullName, customer.CustomerNumber, customer.Status, customer.CustomerSince,
            customer.HasCompleteProfile, services,
            previous is null ? null : new LastSignIn(previous.At, previous.Network, previous.Browser),
            failuresSince);
    }
}

public sealed record CustomerSummary(
    string FullName,
    string CustomerNumber,
    AccountStatus Status,
    DateTime CustomerSince,
    bool ProfileComplete,
    IReadOnlyList<SubscribedService> Services,
    LastSignIn? PreviousSignIn,
    int FailedSignInsSincePrevious);

public sealed record SubscribedService(string Name, string? Plan, DateOnly StartedOn);

public sealed record LastSignIn(DateTime At, string Network, string Browser);

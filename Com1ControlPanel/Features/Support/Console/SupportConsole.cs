using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Support.Console;

/// <summary>
/// Finding customers for support agents. A result holds only what it takes to pick the right person: name, masked
/// email, city, account status and services; the profile itself is seen only inside a session.
/// </summary>
public sealed class SupportConsole(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, CustomerSearch search)
{
    public async Task<CustomerSearchResult<SupportCandidate>> FindAsync(string? query, CancellationToken cancellationToken = default)
    {
        await RequireAgentAsync();
        var result = await search.FindAsync(query, cancellationToken);
        return new(await DescribeAsync(result.Found, cancellationToken), result.HasMore, result.Refusal);
    }

    /// <summary>One customer, when the console is opened for them (after a refused start, say); null when there is none.</summary>
    public async Task<SupportCandidate?> GetAsync(string? customerId, CancellationToken cancellationToken = default)
    {
        await RequireAgentAsync();
        if (string.IsNullOrWhiteSpace(customerId) || customerId.Length > 450)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var match = await (from customer in db.Customers
                           join user in db.Users on customer.Id equals user.Id
                           where customer.Id == customerId
                           select new CustomerMatch(customer.Id, customer.CustomerNumber, customer.FullName, user.Email ?? "",
                               customer.City, customer.Status)).SingleOrDefaultAsync(cancellationToken);
        return match is null ? null : (await DescribeAsync([match], cancellationToken))[0];
    }

    private async Task<IReadOnlyList<SupportCandidate>> DescribeAsync(IReadOnlyList<CustomerMatch> matches, CancellationToken cancellationToken)
    {
        if (matches.Count == 0)
        {
            return [];
        }
        var ids = matches.Select(m => m.Id).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var services = (await db.ServiceSubscriptions.AsNoTracking().Where(s => ids.Contains(s.CustomerId))
                .Select(s => new { s.CustomerId, s.Service }).ToListAsync(cancellationToken))
            .ToLookup(s => s.CustomerId, s => s.Service.DisplayName());
        var approval = (await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id) && c.RequireSupportApproval)
            .Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
        return [.. matches.Select(m => new SupportCandidate(m.Id, m.CustomerNumber, m.FullName, MaskedEmail.Of(m.Email), m.City, m.Status,
            [.. services[m.Id].Order()], approval.Contains(m.Id)))];
    }

    private async Task RequireAgentAsync()
    {
        var principal = await currentUser.GetPrincipalAsync();
        if (!principal.IsInRole(Roles.SupportAgent) || principal.IsSupportSession())
        {
            throw new UnauthorizedAccessException("Only Com 1 support agents can use the support console.");
        }
    }
}

public sealed record SupportCandidate(
    string Id, string CustomerNumber, string FullName, string MaskedEmail, string? City, AccountStatus Status,
    IReadOnlyList<string> Services, bool RequiresApproval);

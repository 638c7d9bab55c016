using Com1ControlPanel.Features.Domains;
using Com1ControlPanel.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.PersonalData.Sections;

/// <summary>
/// The customer's domains as the registrar keeps them: the facts, the publication choice, the four contacts (Com 1's own
/// contact is only named: its details are the company's, not the customer's) and each domain's permanent history.
/// </summary>
internal static class DomainsSection
{
    public static async Task<object?> ReadAsync(ExportScope scope, CancellationToken cancellationToken)
    {
        var domains = await scope.Db.Domains.AsNoTracking().Include(d => d.Contacts)
            .Where(d => d.CustomerId == scope.UserId)
            .OrderBy(d => d.Name)
            .ToListAsync(cancellationToken);
        var history = (await scope.Db.DomainChanges.AsNoTracking()
                .Where(c => c.CustomerId == scope.UserId)
                .OrderBy(c => c.ChangedAt).ThenBy(c => c.Id)
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.DomainId);
        return domains.Select(d => new
        {
            d.Name,
            UnicodeName = d.DomainName.Unicode,
            d.Status,
            d.TransferLock,
            d.RegisteredOn,
            d.ExpiresOn,
            d.AutoRenew,
            d.NameServers,
            PublishContactDetails = d.PublishContacts,
            d.ChangedAt,
            Contacts = d.Contacts.OrderBy(c => c.Role).Select(Contact).ToList(),
            History = history[d.Id].Select(c => new
            {
                c.ChangedAt,
                What = c.Kind.Label(),
                c.OldValue,
                c.NewValue,
                ChangedBy = new Actor(c.ActorUserId, c.ActorName, c.Source).DescribeForCustomer(scope.UserId),
                SupportSession = c.SupportSessionId,
            }).ToList(),
        }).ToList();
    }

    private static object Contact(DomainContact c) => c.IsCom1
        ? new { c.Role, IsCom1 = true }
        : new
        {
            c.Role, IsCom1 = false, c.Kind, c.Name, c.Organisation, c.Email, c.Phone, c.Street, c.City, c.Region, c.PostalCode,
            c.CountryCode,
        };
}

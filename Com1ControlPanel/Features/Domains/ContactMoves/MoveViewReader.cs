using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Com1ControlPanel.Features.Domains.ContactMoves;

/// <summary>Reads a domain's Technical Contact moves as its customer sees them; the caller has established who that is.</summary>
public sealed class MoveViewReader(IOptions<DomainOptions> options)
{
    /// <summary>How many finished requests the domain page lists.</summary>
    public const int EarlierShown = 5;

    /// <summary>The moves of <paramref name="domainId"/>; null when it is not <paramref name="customerId"/>'s domain.</summary>
    public async Task<DomainMoves?> ReadAsync(AppDbContext db, string customerId, int domainId, CancellationToken cancellationToken)
    {
        var technical = await db.DomainContacts.AsNoTracking()
            .Where(c => c.DomainId == domainId && c.Role == DomainContactRole.Technical
                        && db.Domains.Any(d => d.Id == domainId && d.CustomerId == customerId))
            .SingleOrDefaultAsync(cancellationToken);
        if (technical is null)
        {
            return null;
        }
        var moves = await db.TechnicalContactMoves.AsNoTracking().Include(m => m.Steps)
            .Where(m => m.DomainId == domainId && m.CustomerId == customerId)
            .OrderByDescending(m => m.SubmittedAt).ThenByDescending(m => m.Id)
            .Take(EarlierShown + 1)
            .ToListAsync(cancellationToken);
        var open = moves.FirstOrDefault(m => m.IsOpen);
        return new DomainMoves(domainId, technical.Values(options.Value.Com1Contact).Describe(), technical.IsCom1,
            open is null ? null : View(open, customerId),
            [.. moves.Where(m => !m.IsOpen).Take(EarlierShown).Select(m => View(m, customerId))]);
    }

    public static MoveView View(TechnicalContactMove move, string customerId) => new(
        move.Id, move.Status, move.Company, move.ContactPerson, move.Email, PhoneNumbersRule.Display(move.Phone),
        Countries.NameOf(move.CountryCode), move.Note,
        [.. move.Steps.OrderBy(s => s.At).ThenBy(s => s.Id)
            .Select(s => new MoveStepView(s.Kind, s.At, s.Actor.DescribeForCustomer(customerId), s.Reason))]);
}

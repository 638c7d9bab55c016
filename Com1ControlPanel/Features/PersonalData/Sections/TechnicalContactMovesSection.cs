using Com1ControlPanel.Features.Domains.ContactMoves;
using Com1ControlPanel.Features.Domains;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.PersonalData.Sections;

/// <summary>Every request to move a domain's Technical Contact, with every step as the domain page's timeline names it.</summary>
internal static class TechnicalContactMovesSection
{
    public static async Task<object?> ReadAsync(ExportScope scope, CancellationToken cancellationToken)
    {
        var moves = await (from m in scope.Db.TechnicalContactMoves.AsNoTracking().Include(m => m.Steps)
                           join d in scope.Db.Domains on m.DomainId equals d.Id
                           where m.CustomerId == scope.UserId && d.CustomerId == scope.UserId
                           orderby m.SubmittedAt, m.Id
                           select new { Move = m, Domain = d.Name })
            .ToListAsync(cancellationToken);
        return moves.Select(row => new
        {
            row.Domain,
            UnicodeDomain = DomainName.FromAscii(row.Domain).Unicode,
            row.Move.Status,
            StatusText = row.Move.Status.Label(),
            NewTechnicalContact = new { row.Move.Company, row.Move.ContactPerson, row.Move.Email, row.Move.Phone, row.Move.CountryCode },
            row.Move.Note,
            row.Move.SubmittedAt,
            row.Move.TakenAt,
            row.Move.ClosedAt,
            Steps = row.Move.Steps.OrderBy(s => s.At).ThenBy(s => s.Id).Select(s => new
            {
                s.At,
                s.Kind,
                What = s.Kind.Label(),
                By = s.Actor.DescribeForCustomer(scope.UserId),
                s.Reason,
                SupportSession = s.SupportSessionId,
            }).ToList(),
        }).ToList();
    }
}

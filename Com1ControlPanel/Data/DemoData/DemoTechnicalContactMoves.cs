using Com1ControlPanel.Features.Domains;
using Com1ControlPanel.Features.Domains.ContactMoves;
using Com1ControlPanel.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Data.DemoData;

/// <summary>
/// bob asked two days ago to make Rheinhost GmbH the Technical Contact of schneider-db.example; the request waits in the
/// hostmaster queue. Development only; running it twice changes nothing, and a request already worked on stays as it is.
/// </summary>
internal sealed class DemoTechnicalContactMoves(AppDbContext db, TimeProvider time)
{
    public async Task SeedAsync(string bobId, string bobName)
    {
        var domain = await db.Domains.Where(d => d.Name == "schneider-db.example" && d.CustomerId == bobId)
            .Select(d => (int?)d.Id).SingleOrDefaultAsync();
        if (domain is not { } domainId || await db.TechnicalContactMoves.AnyAsync(m => m.DomainId == domainId))
        {
            return;
        }
        var rheinhost = new DomainContactValues
        {
            Kind = ContactKind.Organisation, Organisation = "Rheinhost GmbH", Name = "Jana Roth", Email = "hostmaster@rheinhost.example",
            Phone = "+4922112345678", CountryCode = "DE",
        };
        var asked = time.GetUtcNow().UtcDateTime.AddDays(-2).AddHours(-3);
        db.TechnicalContactMoves.Add(TechnicalContactMove.Submit(domainId, bobId, rheinhost,
            "Our database servers move to Rheinhost in January; they will look after the DNS from then on.",
            new Actor(bobId, bobName, ChangeSource.Customer), asked));
        await db.SaveChangesAsync();
    }
}

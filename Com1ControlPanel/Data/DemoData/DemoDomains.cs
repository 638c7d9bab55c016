using Com1ControlPanel.Features.Domains;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Data.DemoData;

/// <summary>
/// The demo customers' domains. alice, a natural person, has morgandaughters.example and bakery-morgan.example with Com 1
/// as Technical Contact and her details withheld from the public, and café-morgan.example, an internationalised name that
/// expired ten days ago; bob has schneider-db.example, registered for his engineering office. Dates follow the clock, so
/// the demo always reads as current. Development only; running it twice changes nothing.
/// </summary>
internal sealed class DemoDomains(AppDbContext db, TimeProvider time)
{
    private static readonly string[] Com1NameServers = ["ns1.com1.example", "ns2.com1.example"];

    public async Task SeedAsync(string aliceId, string bobId)
    {
        // Demo databases made before the domain record knew bob's domain by its older name.
        if (!await db.Domains.AnyAsync(d => d.Name == "schneider-db.example"))
        {
            await db.Domains.Where(d => d.Name == "schneider-ingenieure.example")
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Name, "schneider-db.example"));
        }
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var alice = new DomainContactValues
        {
            Kind = ContactKind.Person, Name = "Alice Morgan", Organisation = "Morgan & Daughters Bakery", Email = "alice@example.com",
            Phone = "+14155550142", Street = "1200 Market Street", City = "San Francisco", Region = "CA", PostalCode = "94102",
            CountryCode = "US",
        };
        var bakeryAccounts = alice with
        {
            Kind = ContactKind.Organisation, Name = "Accounts", Email = "accounts@morgandaughters.example", Phone = "+14155550143",
        };
        var bob = new DomainContactValues
        {
            Kind = ContactKind.Person, Name = "Bob Schneider", Organisation = "Schneider Ingenieurbüro", Email = "bob@example.com",
            Phone = "+4930901820", Street = "Hauptstraße 12", City = "Berlin", PostalCode = "10115", CountryCode = "DE",
        };
        var bobsOffice = bob with { Kind = ContactKind.Organisation };

        await AddAsync(aliceId, "morgandaughters.example", new DateOnly(2019, 3, 15), today, alice, alice, alice, autoRenew: true);
        await AddAsync(aliceId, "bakery-morgan.example", new DateOnly(2022, 5, 9), today, alice, alice, bakeryAccounts, autoRenew: false);
        await AddAsync(aliceId, "café-morgan.example", today.AddYears(-3).AddDays(-10), today, alice, alice, alice, autoRenew: false,
            expired: true);
        await AddAsync(bobId, "schneider-db.example", new DateOnly(2021, 9, 2), today, bobsOffice, bob, bob, autoRenew: true);
        await db.SaveChangesAsync();
    }

    private async Task AddAsync(string customerId, string name, DateOnly registered, DateOnly today, DomainContactValues registrant,
        DomainContactValues administrative, DomainContactValues billing, bool autoRenew, bool expired = false)
    {
        var ascii = DomainName.TryParse(name, out var parsed, out _) ? parsed.Ascii : throw new InvalidOperationException(name);
        var existing = await db.Domains.Include(d => d.Contacts).SingleOrDefaultAsync(d => d.Name == ascii);
        if (existing is { Contacts.Count: 4 })
        {
            return;
        }
        // Registered for a year at a time: the next anniversary from today, or the last one for an expired domain.
        var years = today.Year - registered.Year;
        var expires = registered.AddYears(years) > today ? registered.AddYears(years) : registered.AddYears(years + 1);
        if (expired)
        {
            expires = registered.AddYears(3);
        }
        var domain = existing ?? new Domain { CustomerId = customerId, Name = ascii, RegisteredOn = registered };
        domain.ExpiresOn = expires;
        domain.Status = expired ? DomainStatus.Expired : DomainStatus.Active;
        domain.AutoRenew = autoRenew;
        domain.TransferLock = !expired;
        domain.NameServers = [.. Com1NameServers];
        domain.Version = Math.Max(domain.Version, 1);
        if (existing is null)
        {
            db.Domains.Add(domain);
        }
        foreach (var (role, values) in new[]
        {
            (DomainContactRole.Registrant, registrant), (DomainContactRole.Administrative, administrative),
            (DomainContactRole.Technical, (DomainContactValues?)null), (DomainContactRole.Billing, billing),
        })
        {
            if (domain.Contacts.All(c => c.Role != role))
            {
                var contact = new DomainContact { Role = role };
                contact.Set(values);
                domain.Contacts.Add(contact);
            }
        }
    }
}

using System.Security.Claims;
using Com1ControlPanel.Features.Domains;

namespace Com1ControlPanel.Tests.Features.Domains;

/// <summary>
/// The domain steps a test takes, in the whole app or over its services alike: domains registered for a test's own
/// customer, written as the registrar would have left them, and what the panel stored about them.
/// </summary>
public static class DomainSteps
{
    /// <summary>28 November 2026, 10:00 UTC: where the service and component tests' clock starts.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    /// <summary>A natural person's details, each value unmistakable in a page or an RDAP answer.</summary>
    public static DomainContactValues Person(string name = "Paula Private") => new()
    {
        Kind = ContactKind.Person, Name = name, Organisation = "Private Pies", Email = "paula.private@example.net",
        Phone = "+14155550177", Street = "77 Hidden Lane", City = "Secretville", Region = "CA", PostalCode = "94999", CountryCode = "US",
    };

    /// <summary>An organisation's details.</summary>
    public static DomainContactValues Company(string organisation = "Rheinhost GmbH") => new()
    {
        Kind = ContactKind.Organisation, Name = "Jana Roth", Organisation = organisation, Email = "hostmaster@rheinhost.example",
        Phone = "+4922112345678", Street = "Rheinufer 5", City = "Köln", Region = "NRW", PostalCode = "50667", CountryCode = "DE",
    };

    extension(IPanel panel)
    {
        /// <summary>
        /// A domain of <paramref name="customerId"/> with <paramref name="registrant"/> (a natural person unless given) as
        /// Registrant, Administrative and Billing Contact and Com 1 as Technical Contact, details withheld, active until next year.
        /// </summary>
        public async Task<Domain> DomainAsync(string customerId, string name, DomainContactValues? registrant = null,
            DomainContactValues? technical = null, bool publish = false, DomainStatus status = DomainStatus.Active)
        {
            var ascii = DomainName.TryParse(name, out var parsed, out var problem) ? parsed.Ascii : throw new ArgumentException(problem);
            registrant ??= Person();
            var domain = new Domain
            {
                CustomerId = customerId, Name = ascii, RegisteredOn = new DateOnly(2020, 2, 29), ExpiresOn = new DateOnly(2027, 2, 28),
                Status = status, AutoRenew = true, NameServers = ["ns1.com1.example", "ns2.com1.example"], PublishContacts = publish,
                Version = 1,
            };
            foreach (var role in Enum.GetValues<DomainContactRole>())
            {
                var contact = new DomainContact { Role = role };
                contact.Set(role == DomainContactRole.Technical ? technical : registrant);
                domain.Contacts.Add(contact);
            }
            await using var db = panel.CreateDbContext();
            db.Domains.Add(domain);
            await db.SaveChangesAsync();
            return domain;
        }

        public async Task<Domain> StoredDomainAsync(int domainId)
        {
            await using var db = panel.CreateDbContext();
            return await db.Domains.AsNoTracking().Include(d => d.Contacts).SingleAsync(d => d.Id == domainId);
        }

        public async Task<int> StoredDomainIdAsync(string asciiName)
        {
            await using var db = panel.CreateDbContext();
            return await db.Domains.Where(d => d.Name == asciiName).Select(d => d.Id).SingleAsync();
        }

        public async Task<List<DomainChange>> DomainHistoryAsync(int domainId)
        {
            await using var db = panel.CreateDbContext();
            return await db.DomainChanges.AsNoTracking().Where(c => c.DomainId == domainId).OrderBy(c => c.Id).ToListAsync();
        }

        /// <summary>/domains' service as <paramref name="user"/> has it.</summary>
        public DomainService DomainsAs(ClaimsPrincipal user) => panel.As(user).Get<DomainService>();

        /// <summary>A new agent acting in the customer's account, in a session that started five minutes before <paramref name="now"/>.</summary>
        public async Task<ClaimsPrincipal> AgentActingForAsync(string customerId, DateTime now)
        {
            var agent = await panel.Staff.NewAgentAsync();
            var session = await panel.SupportBy(agent).SessionAsync(customerId, now.AddMinutes(-5));
            return Principals.InSession(customerId, session.Id, agent.Id, agent.Name);
        }
    }
}

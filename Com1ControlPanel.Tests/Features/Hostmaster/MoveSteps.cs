using System.Security.Claims;
using Com1ControlPanel.Features.Domains;
using Com1ControlPanel.Features.Domains.ContactMoves;
using Com1ControlPanel.Features.Hostmaster;
using Com1ControlPanel.Infrastructure.Security;
using Com1ControlPanel.Tests.Features.Domains;

namespace Com1ControlPanel.Tests.Features.Hostmaster;

/// <summary>
/// The steps of a Technical Contact move, in the whole app or over its services alike: a customer with a domain of their
/// own, their request, a hostmaster of the test's own, and what the panel stored.
/// </summary>
public static class MoveSteps
{
    /// <summary>Rheinhost GmbH, as a customer types it (the phone with spaces).</summary>
    public static MoveRequestForm Rheinhost(string company = "Rheinhost GmbH", string? note = "We move our servers in January.") => new()
    {
        Company = company, ContactPerson = "Jana Roth", Email = "hostmaster@rheinhost.example", Phone = "+49 221 12345678", Note = note,
    };

    /// <summary>A domain name no other test uses.</summary>
    public static string NewDomainName(string label = "shop") => $"{label}-{Guid.NewGuid():N}"[..(label.Length + 9)] + ".example";

    extension(IPanel panel)
    {
        /// <summary>A customer of the test's own with a domain whose Technical Contact is Com 1.</summary>
        public async Task<(TestCustomer Customer, Domain Domain)> CustomerWithDomainAsync(string name = "Dora Domain", string? domain = null)
        {
            var customer = await panel.Customers.NewAsync(name);
            return (customer, await panel.DomainAsync(customer.Id, domain ?? NewDomainName()));
        }

        public async Task<StaffMember> NewHostmasterAsync(string? name = null) => await panel.Staff.NewAsync(Roles.Hostmaster, name);

        public TechnicalContactMoves MovesAs(ClaimsPrincipal user) => panel.As(user).Get<TechnicalContactMoves>();

        public HostmasterQueue QueueAs(ClaimsPrincipal user) => panel.As(user).Get<HostmasterQueue>();

        /// <summary>The customer asks for the move; the id of their request.</summary>
        public async Task<int> RequestMoveAsync(TestCustomer customer, Domain domain, MoveRequestForm? form = null)
        {
            var result = await panel.MovesAs(customer.Principal).RequestAsync(domain.Id, form ?? Rheinhost());
            return Assert.IsType<MoveResult.Saved>(result).Moves.Open!.Id;
        }

        /// <summary>A request the hostmaster has taken.</summary>
        public async Task<int> TakenMoveAsync(TestCustomer customer, Domain domain, StaffMember hostmaster)
        {
            var id = await panel.RequestMoveAsync(customer, domain);
            Assert.IsType<QueueResult.Done>(await panel.QueueAs(hostmaster.Principal).TakeAsync(id));
            return id;
        }

        public async Task<TechnicalContactMove> StoredMoveAsync(int moveId)
        {
            await using var db = panel.CreateDbContext();
            return await db.TechnicalContactMoves.AsNoTracking().Include(m => m.Steps).SingleAsync(m => m.Id == moveId);
        }

        /// <summary>The domain's Technical Contact as stored: null while it is Com 1.</summary>
        public async Task<string?> TechnicalContactAsync(int domainId)
        {
            var technical = (await panel.StoredDomainAsync(domainId)).Contact(DomainContactRole.Technical);
            return technical.IsCom1 ? null : technical.Organisation;
        }
    }
}

using Com1ControlPanel.Features.Disclosures;
using Com1ControlPanel.Features.Domains;
using Com1ControlPanel.Features.Domains.ContactMoves;
using Com1ControlPanel.Infrastructure.Auditing;

namespace Com1ControlPanel.Features.Hostmaster;

/// <summary>
/// The disclosure a completed move records in the customer's log: the domain's registry received its registration data with
/// the new Technical Contact, because registering a domain requires it; the customer asked, so there is no separate notice.
/// The same kind of entry as the registry entry every domain's registration leaves.
/// </summary>
internal static class RegistryDisclosure
{
    public const DataCategories Data = DataCategories.DomainRegistration;

    public static Disclosure For(TechnicalContactMove move, DomainName domain, Actor hostmaster, DateTime at)
    {
        // Kept to the policy by construction: this ground must allow this data, as the compliance form would insist.
        if (!DisclosurePolicy.GroundsFor(Data).Contains(DisclosureGround.ProvideService))
        {
            throw new InvalidOperationException("The policy no longer allows this disclosure on the ground of providing the service.");
        }
        return new Disclosure
        {
            RecipientName = $"Public .{domain.Unicode[(domain.Unicode.LastIndexOf('.') + 1)..]} domain registry",
            RecipientCategory = RecipientCategory.DomainRegistry,
            Ground = DisclosureGround.ProvideService,
            Categories = Data,
            Description = $"Registration data of {domain.Unicode} with its new Technical Contact, {move.Company}, sent to the registry "
                + "when Com 1's hostmaster moved the Technical Contact at your request.",
            Reference = $"Technical Contact move {move.Id}",
            OccurredAt = at,
            RecordedAt = at,
            RecordedByUserId = hostmaster.UserId,
            RecordedByName = hostmaster.DisplayName,
            NoticeRule = NoticeRule.NoSeparateNotice,
            AffectedCustomers = 1,
            Status = DisclosureStatus.Recorded,
        };
    }
}

using Com1ControlPanel.Features.Domains.ContactMoves;
using Com1ControlPanel.Infrastructure.Email;

namespace Com1ControlPanel.Features.Hostmaster;

/// <summary>
/// The Essential emails a customer gets when a hostmaster finishes their request: the Technical Contact moved, or why it
/// did not. Each names the domain and the new contact, and where the customer sees every step.
/// </summary>
internal static class HostmasterMail
{
    public static OutboundEmail Completed(TechnicalContactMove move, MoveCustomer customer, string hostmasterName, string domainUrl)
    {
        var domain = customer.Domain.Unicode;
        return new OutboundEmail(move.CustomerId, customer.Email, $"The Technical Contact of {domain} has moved",
            EmailTemplate.Compose(customer.Name,
                [$"As you asked, {move.Company} ({move.ContactPerson}) is now the Technical Contact of {domain}. "
                    + $"Com 1 hostmaster {hostmasterName} made the change at the registry.",
                 "The registry publishes a company's Technical Contact details, so we recorded that in your disclosure log.",
                 "Your control panel shows the request with every step, and the change in the domain's history."],
                new("See the domain", domainUrl)),
            MessageCategory.Essential,
            $"{move.Company} is now the Technical Contact of {domain}, as you asked.");
    }

    public static OutboundEmail Rejected(TechnicalContactMove move, MoveCustomer customer, string reason, string domainUrl)
    {
        var domain = customer.Domain.Unicode;
        return new OutboundEmail(move.CustomerId, customer.Email, $"The Technical Contact of {domain} was not moved",
            EmailTemplate.Compose(customer.Name,
                [$"Com 1's hostmaster did not make {move.Company} the Technical Contact of {domain}. Reason: {reason}",
                 "The domain's Technical Contact stays as it was. You can ask again from the domain's page once the reason is sorted out."],
                new("See the domain", domainUrl)),
            MessageCategory.Essential,
            $"Your request to make {move.Company} the Technical Contact of {domain} was rejected. Reason: {reason}");
    }
}

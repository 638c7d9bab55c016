using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Email;

namespace Com1ControlPanel.Features.Domains.ContactMoves;

/// <summary>The email the hostmaster mailbox gets for each new request, so the queue is seen without anyone watching it.</summary>
internal static class MoveMail
{
    public static OutboundEmail NewRequest(string hostmasterAddress, TechnicalContactMove move, DomainName domain, string customerNumber,
        Actor by, string queueUrl)
    {
        var who = by.Source == ChangeSource.SupportOnBehalf
            ? $"Com 1 support ({by.DisplayName}) asked on the customer's behalf."
            : "The customer asked in the control panel.";
        var note = move.Note is null ? "The customer left no note." : $"The customer's note: {move.Note}";
        // Not a customer's message: it belongs to no account and appears in nobody's panel.
        return new OutboundEmail(null, hostmasterAddress, $"Technical Contact move requested for {domain.Unicode}",
            EmailTemplate.Compose("Hostmaster",
                [$"Customer {customerNumber} asks to make {move.Company} ({move.ContactPerson}) the Technical Contact of {domain.Unicode}. {who}",
                 note,
                 "Take the request in the hostmaster queue, then complete or reject it there: the customer sees every step."],
                new("Open the hostmaster queue", queueUrl),
                new EmailTemplate.Footer("This message goes to the Com 1 hostmaster mailbox for every new request.")),
            MessageCategory.Essential,
            $"Technical Contact move requested for {domain.Unicode}.");
    }
}

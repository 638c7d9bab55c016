using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Accounts.Closing;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Support.Help;

/// <summary>
/// What the retention of a closed account removes from its help requests: what the customer wrote (the subject and the
/// description) and their name on the steps, which becomes their customer number. When each step happened, what it was and
/// which agent took it stay, as the other kept records do.
/// </summary>
public sealed class HelpRequestRetention : IClosedAccountAnonymising
{
    /// <summary>A request's subject once the customer's words are gone (the database's triggers accept only this).</summary>
    public const string RemovedSubject = "Removed after the account closed";

    public async Task<IReadOnlyDictionary<string, int>> AnonymiseAsync(AppDbContext db, string customerId, string number,
        CancellationToken cancellationToken)
    {
        var requests = await db.HelpRequests
            .Where(r => r.CustomerId == customerId && (r.Subject != RemovedSubject || r.Description != ""))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Subject, RemovedSubject).SetProperty(r => r.Description, ""), cancellationToken);
        var steps = await db.HelpRequestSteps
            .Where(s => s.CustomerId == customerId && s.ActorUserId == customerId && s.ActorName != number)
            .ExecuteUpdateAsync(s => s.SetProperty(step => step.ActorName, number), cancellationToken);
        return new Dictionary<string, int> { ["HelpRequests"] = requests, ["HelpRequestSteps"] = steps };
    }
}

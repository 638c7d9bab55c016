using System.Security.Claims;
using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Notifications;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Email;
using Com1ControlPanel.Infrastructure.Security;
using Com1ControlPanel.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Support;

/// <summary>The checks every start and every request passes, and telling the customer a session started.</summary>
public sealed partial class SupportSessions
{
    /// <summary>The caller and the account when the rules allow the form; otherwise the refusal (recorded) or the form's errors.</summary>
    private async Task<(Caller? Caller, SupportStartResult? Refused)> CheckAsync(
        AppDbContext db, SupportStartForm form, CancellationToken cancellationToken)
    {
        var agent = await currentUser.GetPrincipalAsync();
        var now = Now;
        var target = await SupportTargets.FindAsync(db, form.CustomerId, now, cancellationToken);
        return await RefuseAsync(agent, target, form) is { } refused
            ? (null, refused)
            : (new Caller(agent, agent.FindFirstValue(ClaimTypes.NameIdentifier)!, target!, now), null);
    }

    private sealed record Caller(ClaimsPrincipal Agent, string AgentId, SupportTarget Target, DateTime Now);

    private async Task<SupportStartResult?> RefuseAsync(ClaimsPrincipal agent, SupportTarget? target, SupportStartForm form)
    {
        var refusal = SupportAccessRules.RefusalFor(agent, target, options.Value.RequireTwoFactor);
        var agentId = agent.FindFirstValue(SupportClaims.ActorId) ?? agent.FindFirstValue(ClaimTypes.NameIdentifier);
        if (refusal is { } why)
        {
            if (agentId is not null)
            {
                await attempts.RecordAsync(agentId, target?.UserId, why);
            }
            logger.LogInformation("Support session refused for {AgentId}: {Refusal}", agentId, why);
            return new SupportStartResult.Refused(why);
        }
        var errors = form.Validate(options.Value.MaxSessionMinutes);
        return errors.Count > 0 ? new SupportStartResult.Invalid(errors) : null;
    }

    private async Task TellCustomerAsync(AppDbContext db, SupportSession session, CancellationToken cancellationToken)
    {
        var customer = await db.Users.AsNoTracking().Where(u => u.Id == session.CustomerId)
            .Select(u => new { u.Email, u.DisplayName }).SingleAsync(cancellationToken);
        var zone = await CustomerTimeZones.OfAsync(db, session.CustomerId, cancellationToken);
        // The reason in the words "Who accessed my account" uses, so the email and the page read the same.
        var what = $"{session.AgentName} from Com 1 support started a session in your account at {TimeText.Clock(session.StartedAt, zone)}. "
            + $"Reason: {session.Reason.ForCustomer()} (ticket {session.Ticket}). It ends by {TimeText.Clock(session.ExpiresAt, zone)} at the latest.";
        outbox.Add(db, new OutboundEmail(session.CustomerId, customer.Email!, "Com 1 support is accessing your account",
            EmailTemplate.Compose(customer.DisplayName,
                [what, "Everything done in the session is listed in your control panel under Who accessed my account.",
                 "If you did not expect this, reply to this email or call us."]),
            MessageCategory.Essential, what));
        NotificationService.Add(db, session.CustomerId, "Com 1 support is in your account", what, "access", session.StartedAt);
    }
}

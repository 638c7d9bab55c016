using Com1ControlPanel.Features.Notifications;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Data.DemoData;

/// <summary>
/// "Who accessed my account" with something in it: a finished support session in which Dana changed alice's phone, and
/// for bob (who requires approval) one request waiting for his answer and one he denied. Development only.
/// </summary>
internal sealed class DemoSupportAccess(AppDbContext db, TimeProvider time)
{
    public async Task SeedAsync(string aliceId, string bobId, string agentId, string agentName)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (!await db.SupportSessions.AnyAsync(s => s.CustomerId == aliceId))
        {
            var started = now.AddDays(-6).Date.AddHours(16).AddMinutes(5);
            var session = new SupportSession
            {
                AgentUserId = agentId,
                AgentName = agentName,
                CustomerId = aliceId,
                Reason = SupportReason.CustomerInitiated,
                Ticket = "T-48213",
                Note = "Customer called: the shop's phone number on invoices is out of date.",
                StartedAt = started,
                ExpiresAt = started.AddMinutes(15),
                EndedAt = started.AddMinutes(7),
                Ending = SessionEnding.EndedByAgent,
                EndedByUserId = agentId,
            };
            db.SupportSessions.Add(session);
            // Her phone as seeded is the new number: the change leads to the data she has now.
            db.ProfileChanges.Add(new ProfileChange
            {
                CustomerId = aliceId,
                Field = ProfileField.Phone,
                OldValue = "+14155550100",
                NewValue = "+14155550142",
                ChangedAt = started.AddMinutes(4),
                ActorUserId = agentId,
                ActorName = agentName,
                Source = ChangeSource.SupportOnBehalf,
                SupportSessionId = session.Id,
            });
        }
        if (!await db.SupportAccessRequests.AnyAsync(r => r.CustomerId == bobId))
        {
            var denied = now.AddDays(-4).Date.AddHours(9).AddMinutes(30);
            db.SupportAccessRequests.Add(new SupportAccessRequest
            {
                AgentUserId = agentId,
                AgentName = agentName,
                CustomerId = bobId,
                Reason = SupportReason.BillingQuestion,
                Ticket = "T-47902",
                Note = "Check why the last invoice lists the dedicated server twice.",
                RequestedMinutes = 15,
                RequestedAt = denied,
                AnswerBy = denied.AddHours(24),
                Status = AccessRequestStatus.Denied,
                AnsweredAt = denied.AddMinutes(48),
            });
            var pending = now.AddHours(-2);
            db.SupportAccessRequests.Add(new SupportAccessRequest
            {
                AgentUserId = agentId,
                AgentName = agentName,
                CustomerId = bobId,
                Reason = SupportReason.TechnicalIncident,
                Ticket = "T-48377",
                Note = "Nightly database backups have failed since Tuesday; I need to check the backup schedule in your account.",
                RequestedMinutes = 30,
                RequestedAt = pending,
                AnswerBy = pending.AddHours(24),
                Status = AccessRequestStatus.Pending,
            });
            NotificationService.Add(db, bobId, "Com 1 support asks to access your account",
                $"{agentName} asks for a 30-minute session in your account (ticket T-48377). Approve or deny it.", "access", pending);
        }
        await db.SaveChangesAsync();
    }
}

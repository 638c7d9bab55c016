using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Accounts.SignIns;
using Com1ControlPanel.Features.Support;

namespace Com1ControlPanel.Tests.Security;

/// <summary>
/// Issue 9, item 12: support sessions, access requests and their answers, refused attempts and sign-ins are permanent.
/// The database itself allows only the transitions the panel makes (a session ends once and is handed back once, a
/// request is answered once) and refuses every other change or deletion; sign-ins outlive the account.
/// </summary>
public class PermanentSupportRecordsTests : ServiceTest
{
    public PermanentSupportRecordsTests() : this(null)
    {
    }

    protected PermanentSupportRecordsTests(DatabaseProvider? provider) : base(provider: provider)
    {
    }

    private static readonly DateTime Now = new(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc);

    // No choices made: nothing of hers but the records under test stands in the way of removing her account.
    protected override Task ArrangeAsync() => Kit.Customers.NewAsync("Cara Test", id: "cara", startingChoices: false);

    private Guid AddSession()
    {
        using var db = Kit.CreateDbContext();
        var session = new SupportSession
        {
            AgentUserId = "agent-1", AgentName = "Dana Agent", CustomerId = "cara", Ticket = "T-1", StartedAt = Now,
            ExpiresAt = Now.AddMinutes(30),
        };
        db.SupportSessions.Add(session);
        db.SaveChanges();
        return session.Id;
    }

    private Guid AddRequest()
    {
        using var db = Kit.CreateDbContext();
        var request = new SupportAccessRequest
        {
            AgentUserId = "agent-1", AgentName = "Dana Agent", CustomerId = "cara", Ticket = "T-2", RequestedMinutes = 20,
            RequestedAt = Now, AnswerBy = Now.AddHours(24), Status = AccessRequestStatus.Pending,
        };
        db.SupportAccessRequests.Add(request);
        db.SaveChanges();
        return request.Id;
    }

    [Fact]
    public async Task A_session_ends_once_is_handed_back_once_and_nothing_else_about_it_changes()
    {
        var id = AddSession();
        await using var db = Kit.CreateDbContext();
        var session = db.SupportSessions.Where(s => s.Id == id);

        Assert.Equal(1, await session.ExecuteUpdateAsync(s => s
            .SetProperty(x => x.EndedAt, Now.AddMinutes(5)).SetProperty(x => x.Ending, SessionEnding.EndedByAgent)));
        Assert.Equal(1, await session.ExecuteUpdateAsync(s => s.SetProperty(x => x.HandedBackAt, Now.AddMinutes(5))));

        await Kit.Database.RefusesAsync(() => session.ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, Now.AddMinutes(9))));
        await Kit.Database.RefusesAsync(() => session.ExecuteUpdateAsync(s => s.SetProperty(x => x.Ending, SessionEnding.Expired)));
        await Kit.Database.RefusesAsync(() => session.ExecuteUpdateAsync(s => s.SetProperty(x => x.HandedBackAt, Now.AddMinutes(9))));
        await Kit.Database.RefusesAsync(() => session.ExecuteUpdateAsync(s => s.SetProperty(x => x.Ticket, "T-forged")));
        await Kit.Database.RefusesAsync(() => session.ExecuteUpdateAsync(s => s.SetProperty(x => x.ExpiresAt, Now.AddHours(5))));
        await Kit.Database.RefusesAsync(() => session.ExecuteDeleteAsync());
        var kept = await session.AsNoTracking().SingleAsync();
        Assert.Equal(("T-1", SessionEnding.EndedByAgent), (kept.Ticket, kept.Ending));
    }

    [Fact]
    public async Task A_running_session_cannot_be_moved_or_reopened_without_an_end()
    {
        var id = AddSession();
        await using var db = Kit.CreateDbContext();
        var session = db.SupportSessions.Where(s => s.Id == id);

        await Kit.Database.RefusesAsync(() => session.ExecuteUpdateAsync(s => s.SetProperty(x => x.AgentUserId, "agent-2")));
        // An end needs its reason: a time alone is not an ending.
        await Kit.Database.RefusesAsync(() => session.ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, Now)));
    }

    [Fact]
    public async Task A_request_is_answered_once_and_what_was_asked_never_changes()
    {
        var approved = AddRequest();
        var denied = AddRequest();
        await using var db = Kit.CreateDbContext();
        var request = db.SupportAccessRequests.Where(r => r.Id == approved);

        Assert.Equal(1, await request.ExecuteUpdateAsync(r => r.SetProperty(x => x.Status, AccessRequestStatus.Approved)
            .SetProperty(x => x.AnsweredAt, Now).SetProperty(x => x.ApprovedMinutes, 10).SetProperty(x => x.WindowEndsAt, Now.AddMinutes(10))));
        Assert.Equal(1, await db.SupportAccessRequests.Where(r => r.Id == denied).ExecuteUpdateAsync(r => r
            .SetProperty(x => x.Status, AccessRequestStatus.Denied).SetProperty(x => x.AnsweredAt, Now)));

        await Kit.Database.RefusesAsync(() => request.ExecuteUpdateAsync(r => r.SetProperty(x => x.Status, AccessRequestStatus.Denied)));
        await Kit.Database.RefusesAsync(() => request.ExecuteUpdateAsync(r => r.SetProperty(x => x.WindowEndsAt, Now.AddDays(1))));
        await Kit.Database.RefusesAsync(() => request.ExecuteUpdateAsync(r => r.SetProperty(x => x.RequestedMinutes, 600)));
        await Kit.Database.RefusesAsync(() => request.ExecuteUpdateAsync(r => r.SetProperty(x => x.AnswerBy, Now.AddDays(9))));
        await Kit.Database.RefusesAsync(() => request.ExecuteDeleteAsync());
    }

    [Fact]
    public async Task Only_the_agent_who_asked_withdraws_a_request_and_only_while_it_waits()
    {
        var withdrawn = AddRequest();
        var answered = AddRequest();
        await using var db = Kit.CreateDbContext();
        var request = db.SupportAccessRequests.Where(r => r.Id == withdrawn);

        await Kit.Database.RefusesAsync(() => request.ExecuteUpdateAsync(r => r.SetProperty(x => x.Status, AccessRequestStatus.Withdrawn)
            .SetProperty(x => x.AnsweredAt, Now).SetProperty(x => x.WithdrawnByUserId, "agent-2")));
        await Kit.Database.RefusesAsync(() => db.SupportAccessRequests.Where(r => r.Id == answered).ExecuteUpdateAsync(r => r
            .SetProperty(x => x.Status, AccessRequestStatus.Denied).SetProperty(x => x.AnsweredAt, Now).SetProperty(x => x.WithdrawnByUserId, "agent-1")));
        Assert.Equal(1, await request.ExecuteUpdateAsync(r => r.SetProperty(x => x.Status, AccessRequestStatus.Withdrawn)
            .SetProperty(x => x.AnsweredAt, Now).SetProperty(x => x.WithdrawnByUserId, "agent-1")));
        Assert.Equal(1, await db.SupportAccessRequests.Where(r => r.Id == answered).ExecuteUpdateAsync(r => r
            .SetProperty(x => x.Status, AccessRequestStatus.Denied).SetProperty(x => x.AnsweredAt, Now)));

        // A withdrawn request is never approved afterwards, and an answered one is never withdrawn.
        await Kit.Database.RefusesAsync(() => request.ExecuteUpdateAsync(r => r.SetProperty(x => x.Status, AccessRequestStatus.Approved)
            .SetProperty(x => x.ApprovedMinutes, 10).SetProperty(x => x.WindowEndsAt, Now.AddMinutes(10))));
        await Kit.Database.RefusesAsync(() => db.SupportAccessRequests.Where(r => r.Id == answered).ExecuteUpdateAsync(r => r
            .SetProperty(x => x.Status, AccessRequestStatus.Withdrawn).SetProperty(x => x.WithdrawnByUserId, "agent-1")));
        await Kit.Database.RefusesAsync(() => request.ExecuteUpdateAsync(r => r.SetProperty(x => x.WithdrawnByUserId, "agent-2")));
    }

    [Fact]
    public async Task An_approval_without_its_window_is_refused()
    {
        var id = AddRequest();
        await using var db = Kit.CreateDbContext();

        await Kit.Database.RefusesAsync(() => db.SupportAccessRequests.Where(r => r.Id == id).ExecuteUpdateAsync(r => r
            .SetProperty(x => x.Status, AccessRequestStatus.Approved).SetProperty(x => x.AnsweredAt, Now)));
    }

    [Fact]
    public async Task Refused_attempts_are_never_changed_or_removed()
    {
        await using var db = Kit.CreateDbContext();
        db.SupportAttempts.Add(new SupportAttempt { At = Now, AgentUserId = "agent-1", CustomerId = "cara", Refusal = SupportRefusal.SessionEnded });
        await db.SaveChangesAsync();

        await Kit.Database.RefusesAsync(() => db.SupportAttempts.ExecuteUpdateAsync(a => a.SetProperty(x => x.AgentUserId, "someone")));
        await Kit.Database.RefusesAsync(() => db.SupportAttempts.ExecuteDeleteAsync());
    }

    [Fact]
    public async Task Sign_ins_outlive_the_account_and_are_never_changed_or_removed()
    {
        await using var db = Kit.CreateDbContext();
        db.SignInRecords.Add(new SignInRecord { UserId = "cara", At = Now, Succeeded = false, Method = SignInMethod.Password,
            Network = "203.0.113.x", Browser = "Firefox on Linux", Outcome = "WrongCredentials" });
        await db.SaveChangesAsync();

        // The customer row goes first (it points at the account); then the account itself.
        await db.Customers.Where(c => c.Id == "cara").ExecuteDeleteAsync();
        await db.Users.Where(u => u.Id == "cara").ExecuteDeleteAsync();

        Assert.Equal(1, await db.SignInRecords.CountAsync(r => r.UserId == "cara"));
        await Kit.Database.RefusesAsync(() => db.SignInRecords.ExecuteUpdateAsync(r => r.SetProperty(x => x.Succeeded, true)));
        await Kit.Database.RefusesAsync(() => db.SignInRecords.ExecuteDeleteAsync());
    }
}

/// <summary>The same rules, enforced by PostgreSQL's triggers.</summary>
[Trait("Category", "PostgreSQL")]
public sealed class PermanentSupportRecordsOnPostgreSqlTests() : PermanentSupportRecordsTests(DatabaseProvider.PostgreSQL);

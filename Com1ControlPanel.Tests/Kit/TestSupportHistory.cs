using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Accounts.SignIns;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Features.Profile;
using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Infrastructure.Auditing;

namespace Com1ControlPanel.Tests.Kit;

/// <summary>
/// What "Who accessed my account" shows, written straight into the database as if it had happened: one agent's support
/// sessions, requests and changes in customers' accounts, and customers' sign-ins.
/// </summary>
public sealed class TestSupportHistory(IServiceProvider services, StaffMember agent)
{
    public async Task<SupportSession> SessionAsync(string customerId, DateTime startedAt, int minutes = 30, SessionEnding? ending = null,
        DateTime? endedAt = null, string ticket = "T-1")
    {
        await using var db = CreateDbContext();
        var stamp = await db.Users.Where(u => u.Id == agent.Id).Select(u => u.SecurityStamp).SingleAsync();
        return await AddAsync(db, new SupportSession
        {
            AgentUserId = agent.Id, AgentName = agent.Name, CustomerId = customerId, Reason = SupportReason.CustomerInitiated,
            Ticket = ticket, Note = "Customer called about the phone number.", StartedAt = startedAt,
            ExpiresAt = startedAt.AddMinutes(minutes), EndedAt = endedAt, Ending = ending,
            EndedByUserId = ending is null ? null : agent.Id, AgentStampHash = AgentStamp.Hash(stamp),
        });
    }

    public async Task<SupportAccessRequest> RequestAsync(string customerId, DateTime requestedAt, int minutes = 30,
        AccessRequestStatus status = AccessRequestStatus.Pending, string ticket = "T-2")
    {
        await using var db = CreateDbContext();
        return await AddAsync(db, new SupportAccessRequest
        {
            AgentUserId = agent.Id, AgentName = agent.Name, CustomerId = customerId, Reason = SupportReason.TechnicalIncident,
            Ticket = ticket, Note = "Backups fail.", RequestedMinutes = minutes, RequestedAt = requestedAt,
            AnswerBy = requestedAt.AddHours(24), Status = status,
            AnsweredAt = status == AccessRequestStatus.Pending ? null : requestedAt.AddMinutes(5),
        });
    }

    /// <summary>The phone changed from +1 415-555-0100 to +1 415-555-0142: by the agent in a session, or by the customer.</summary>
    public async Task PhoneChangeAsync(string customerId, DateTime at, Guid? sessionId)
    {
        await using var db = CreateDbContext();
        await AddAsync(db, new ProfileChange
        {
            CustomerId = customerId, Field = ProfileField.Phone, OldValue = "+14155550100", NewValue = "+14155550142",
            ChangedAt = at, ActorUserId = sessionId is null ? customerId : agent.Id, ActorName = sessionId is null ? "Customer" : agent.Name,
            Source = sessionId is null ? ChangeSource.Customer : ChangeSource.SupportOnBehalf, SupportSessionId = sessionId,
        });
    }

    /// <summary>The agent allowed news of Com 1's products by email for the customer, in a session.</summary>
    public async Task ConsentChangeAsync(string customerId, DateTime at, Guid sessionId)
    {
        await using var db = CreateDbContext();
        await AddAsync(db, new ConsentRecord
        {
            CustomerId = customerId, Purpose = MarketingPurpose.ComProducts, Channel = ContactChannel.Email,
            OldGranted = false, NewGranted = true, RecordedAt = at, Source = ChangeSource.SupportOnBehalf,
            ActorUserId = agent.Id, ActorName = agent.Name, PolicyVersion = "2008-01", SupportSessionId = sessionId,
        });
    }

    /// <summary><paramref name="count"/> sign-ins an hour apart up to <paramref name="newest"/>; every fifth failed.</summary>
    public async Task SignInsAsync(string userId, int count, DateTime newest, string network = "203.0.113.x")
    {
        await using var db = CreateDbContext();
        for (var i = 0; i < count; i++)
        {
            db.SignInRecords.Add(new SignInRecord
            {
                UserId = userId, At = newest.AddHours(-i), Succeeded = i % 5 != 4, Method = SignInMethod.Password,
                Network = network, Browser = "Firefox on Windows", Outcome = i % 5 != 4 ? null : "WrongCredentials",
            });
        }
        await db.SaveChangesAsync();
    }

    private AppDbContext CreateDbContext() => services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();

    private static async Task<T> AddAsync<T>(AppDbContext db, T row) where T : class
    {
        db.Add(row);
        await db.SaveChangesAsync();
        return row;
    }
}

using System.Security.Claims;
using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Accounts.SignIns;
using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Features.Support.Access;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Security;
using Com1ControlPanel.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Com1ControlPanel.Tests.Features.Support.Access;

/// <summary>Customers, support sessions, requests and sign-ins in a test database, on a fake clock.</summary>
public sealed class AccessTestData
{
    private readonly TestDatabase database;

    public AccessTestData(TestDatabase database)
    {
        this.database = database;
        // The agent is a real support agent: notifications about answers go to them, and sessions check their account.
        using var db = database.CreateDbContext();
        db.Users.Add(new ApplicationUser
        {
            Id = Agent, UserName = "agent@com1.test", Email = "agent@com1.test", DisplayName = AgentName, SecurityStamp = AgentStampValue,
        });
        db.Roles.Add(new IdentityRole { Id = "role-agent", Name = Roles.SupportAgent, NormalizedName = "SUPPORTAGENT" });
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = Agent, RoleId = "role-agent" });
        db.SaveChanges();
    }

    public const string Agent = "agent-dana";
    public const string AgentName = "Dana Reyes";
    private const string AgentStampValue = "stamp-dana";

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public string Customer(string id)
    {
        using var db = database.CreateDbContext();
        TestCustomers.Add(db, id, $"{id} Test");
        return id;
    }

    public SupportSession Session(string customerId, DateTime startedAt, int minutes = 30, SessionEnding? ending = null,
        DateTime? endedAt = null, string ticket = "T-1")
    {
        using var db = database.CreateDbContext();
        var session = new SupportSession
        {
            AgentUserId = Agent, AgentName = AgentName, CustomerId = customerId, Reason = SupportReason.CustomerInitiated,
            Ticket = ticket, Note = "Customer called about the phone number.", StartedAt = startedAt,
            ExpiresAt = startedAt.AddMinutes(minutes), EndedAt = endedAt, Ending = ending,
            EndedByUserId = ending is null ? null : Agent, AgentStampHash = AgentStamp.Hash(AgentStampValue),
        };
        db.SupportSessions.Add(session);
        db.SaveChanges();
        return session;
    }

    public SupportAccessRequest Request(string customerId, DateTime requestedAt, int minutes = 30,
        AccessRequestStatus status = AccessRequestStatus.Pending, string ticket = "T-2")
    {
        using var db = database.CreateDbContext();
        var request = new SupportAccessRequest
        {
            AgentUserId = Agent, AgentName = AgentName, CustomerId = customerId, Reason = SupportReason.TechnicalIncident,
            Ticket = ticket, Note = "Backups fail.", RequestedMinutes = minutes, RequestedAt = requestedAt,
            AnswerBy = requestedAt.AddHours(24), Status = status,
            AnsweredAt = status == AccessRequestStatus.Pending ? null : requestedAt.AddMinutes(5),
        };
        db.SupportAccessRequests.Add(request);
        db.SaveChanges();
        return request;
    }

    public void PhoneChange(string customerId, DateTime at, Guid? sessionId, string actor = Agent)
    {
        using var db = database.CreateDbContext();
        db.ProfileChanges.Add(new ProfileChange
        {
            CustomerId = customerId, Field = ProfileField.Phone, OldValue = "+14155550100", NewValue = "+14155550142",
            ChangedAt = at, ActorUserId = actor, ActorName = AgentName,
            Source = sessionId is null ? ChangeSource.Customer : ChangeSource.SupportOnBehalf, SupportSessionId = sessionId,
        });
        db.SaveChanges();
    }

    public void ConsentChange(string customerId, DateTime at, Guid sessionId)
    {
        using var db = database.CreateDbContext();
        db.ConsentRecords.Add(new ConsentRecord
        {
            CustomerId = customerId, Purpose = MarketingPurpose.ComProducts, Channel = ContactChannel.Email,
            OldGranted = false, NewGranted = true, RecordedAt = at, Source = ChangeSource.SupportOnBehalf,
            ActorUserId = Agent, ActorName = AgentName, PolicyVersion = "2008-01", SupportSessionId = sessionId,
        });
        db.SaveChanges();
    }

    public void SignIns(string userId, int count, string network = "203.0.113.x")
    {
        using var db = database.CreateDbContext();
        for (var i = 0; i < count; i++)
        {
            db.SignInRecords.Add(new SignInRecord
            {
                UserId = userId, At = Now.AddHours(-i), Succeeded = i % 5 != 4, Method = SignInMethod.Password,
                Network = network, Browser = "Firefox on Windows", Outcome = i % 5 != 4 ? null : "WrongCredentials",
            });
        }
        db.SaveChanges();
    }

    /// <summary>Com 1 support acting in <paramref name="customerId"/>'s account in <paramref name="session"/>.</summary>
    public CurrentUser SupportIn(string customerId, SupportSession session) =>
        SignedIn.User(new ClaimsPrincipal(new ClaimsIdentity(
            [.. SignedIn.As(customerId, $"{customerId} Test", Roles.Customer).Claims,
             new Claim(SupportClaims.SessionId, session.Id.ToString()), new Claim(SupportClaims.ActorId, Agent),
             new Claim(SupportClaims.ActorName, AgentName)], "Test")), database, Clock);

    public CurrentUser CustomerUser(string customerId) =>
        SignedIn.User(SignedIn.As(customerId, $"{customerId} Test", Roles.Customer), database, Clock);

    public AccessHistoryService History(CurrentUser user) => new(database, user, Clock);

    public AccessHistoryService History(string customerId) => History(CustomerUser(customerId));

    public AccessApprovalService Approvals(CurrentUser user) =>
        new(database, user, Ending, new CustomerChanges(Clock, NullLogger<CustomerChanges>.Instance), Clock,
            NullLogger<AccessApprovalService>.Instance);

    public SupportSessionEnding Ending => new(database, Events, Clock, NullLogger<SupportSessionEnding>.Instance);

    public SupportSessionEvents Events { get; } = new();

    public AccessApprovalService Approvals(string customerId) => Approvals(CustomerUser(customerId));
}

using Bunit;
using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Features.Support.Console;

namespace Com1ControlPanel.Tests.Features.Support.Console;

/// <summary>What the agent reads in the console while a customer who requires approval has not answered yet.</summary>
public sealed class PendingRequestDetailsTests() : ComponentTest(now: new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero))
{
    private static readonly DateTime Asked = new(2026, 11, 28, 9, 0, 0, DateTimeKind.Utc);

    private static SupportAccessRequest Pending() => new()
    {
        AgentUserId = "agent-1", AgentName = "Dana Agent", CustomerId = "bob", Reason = SupportReason.TechnicalIncident,
        Ticket = "T-4711", Note = "Backups fail.", RequestedMinutes = 30, RequestedAt = Asked, AnswerBy = Asked.AddHours(24),
        Status = AccessRequestStatus.Pending,
    };

    [Fact]
    public void A_pending_request_shows_its_reason_ticket_session_length_and_when_it_expires()
    {
        var status = RenderPage<ApprovalStatus>(new Dictionary<string, object?>
        {
            ["State"] = new SupportAccessState(null, true, null, Pending()),
        });

        var text = status.Find("#approval-status").TextContent;
        Assert.Contains("a 30-minute session", text);
        Assert.DoesNotContain("request for 30 minutes", text);
        var details = status.Find("#pending-request").TextContent;
        Assert.Contains("Technical incident", details);
        Assert.Contains("T-4711", details);
        Assert.Contains("Backups fail.", details);
        Assert.Contains("Expires", details);
    }
}

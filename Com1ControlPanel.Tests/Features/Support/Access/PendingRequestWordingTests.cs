using Bunit;
using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Features.Support.Access;
using static Com1ControlPanel.Tests.Features.Support.Access.AccessTestData;

namespace Com1ControlPanel.Tests.Features.Support.Access;

/// <summary>A request for access reads as the length of the session asked for, never as a wait.</summary>
public sealed class PendingRequestWordingTests() : ComponentTest(now: Start)
{
    [Fact]
    public async Task The_customer_reads_the_length_asked_for_as_the_length_of_the_session()
    {
        var dana = await Kit.Staff.NewAgentAsync("Dana Reyes");
        var bea = await Kit.Customers.NewAsync("Bea Test", id: "bea", with: c => c.RequireSupportApproval = true);
        var request = await Kit.SupportBy(dana).RequestAsync("bea", Kit.Now.AddMinutes(-10), minutes: 30);
        SignIn(bea.Principal);

        var page = RenderPage<AccessPage>();

        var heading = page.WaitForElement($"#request-heading-{request.Id}").TextContent;
        Assert.Contains("asks for a 30-minute session in your account", heading);
        Assert.DoesNotContain("for 30 minutes", heading);
    }

    [Fact]
    public async Task The_customers_notification_of_a_request_names_the_length_of_the_session()
    {
        await Kit.Staff.NewAgentAsync("Dana Agent", id: "agent-1");
        await Kit.Customers.NewAsync("Bea Test", id: "bea", with: c => c.RequireSupportApproval = true);
        var form = new SupportStartForm
        {
            CustomerId = "bea", Reason = SupportReason.TechnicalIncident, Ticket = "T-9", Note = "Backups fail.", Minutes = 30,
        };

        await Kit.As(Principals.Agent()).Get<Com1ControlPanel.Features.Support.SupportSessions>().RequestAccessAsync(form);

        await using var db = Kit.CreateDbContext();
        var text = (await db.Notifications.SingleAsync(n => n.UserId == "bea")).Text;
        Assert.Contains("asks for a 30-minute session in your account", text);
    }
}

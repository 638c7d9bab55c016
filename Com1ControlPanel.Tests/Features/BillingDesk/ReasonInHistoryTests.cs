using Bunit;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Profile;
using MudBlazor.Services;

namespace Com1ControlPanel.Tests.Features.BillingDesk;

/// <summary>The customer's "Recent changes" shows why Com 1 staff changed something, and their reference, next to who did.</summary>
public sealed class ReasonInHistoryTests : BunitContext
{
    public ReasonInHistoryTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        // As on the live page, where the history is kept as HTML (StaticPart).
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void A_change_by_billing_shows_who_on_whose_behalf_why_and_the_reference()
    {
        var change = new ProfileChangeView(DateTime.UtcNow, "Street", "1 Test Street", "2 Lake Street",
            "Com 1 billing (Sam Patel) on your behalf", "Phone call", "T-4711");

        var row = Render<RecentChanges>(p => p.Add(c => c.Changes, [change])).Find("#recent-changes tbody tr");

        var changedBy = row.QuerySelector("td[data-label='Changed by']")!.TextContent;
        Assert.Contains("Com 1 billing (Sam Patel) on your behalf", changedBy);
        Assert.Contains("Reason: Phone call", changedBy);
        Assert.Contains("Reference: T-4711", changedBy);
    }

    [Fact]
    public void The_customers_own_change_shows_no_reason()
    {
        var change = new ProfileChangeView(DateTime.UtcNow, "Street", "1 Test Street", "2 Lake Street", "You");

        var component = Render<RecentChanges>(p => p.Add(c => c.Changes, [change]));

        Assert.DoesNotContain("Reason:", component.Find("#recent-changes").TextContent);
    }
}

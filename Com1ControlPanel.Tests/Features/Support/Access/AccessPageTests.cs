using Bunit;
using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Features.Support.Access;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using MudBlazor.Services;

namespace Com1ControlPanel.Tests.Features.Support.Access;

public sealed class AccessPageTests : BunitContext, IAsyncLifetime
{
    private readonly TestDatabase database = new();
    private readonly AccessTestData data;

    public AccessPageTests()
    {
        data = new AccessTestData(database);
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton<IDbContextFactory<AppDbContext>>(_ => database);
        Services.AddSingleton<TimeProvider>(data.Clock);
        Services.AddSingleton<ILogger<AccessApprovalService>>(NullLogger<AccessApprovalService>.Instance);
        Services.AddScoped<AccessHistoryService>();
        Services.AddScoped<AccessApprovalService>();
        Services.AddSingleton(new Com1ControlPanel.Features.Customers.CustomerChanges(data.Clock, NullLogger<Com1ControlPanel.Features.Customers.CustomerChanges>.Instance));
        Services.AddSingleton(data.Events);
        Services.AddSingleton(data.Ending);
    }

    /// <summary>The live page as <paramref name="user"/> sees it, with the providers the layout gives it.</summary>
    private IRenderedComponent<Bunit.Rendering.ContainerFragment> RenderPageAs(CurrentUser user)
    {
        Services.AddSingleton(user);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var host = Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<AccessPage>(2);
            builder.CloseComponent();
        });
        host.WaitForElement("#approval-heading");
        return host;
    }

    private async Task<SupportAccessRequest> StoredAsync(Guid id)
    {
        await using var db = database.CreateDbContext();
        return await db.SupportAccessRequests.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    [Fact]
    public void A_customer_nobody_accessed_is_told_so_in_every_section()
    {
        var page = RenderPageAs(data.CustomerUser(data.Customer("new")));

        Assert.Equal("Who accessed my account", page.Find("h1").TextContent);
        Assert.StartsWith("No one from Com 1 support has accessed your account.", page.Find("#sessions-empty").TextContent.Trim());
        Assert.StartsWith("No requests are waiting for you.", page.Find("#pending-empty").TextContent.Trim());
        Assert.NotEmpty(page.FindAll("#past-requests-empty"));
        Assert.Equal("No sign-ins recorded yet.", page.Find("#sign-ins-empty").TextContent.Trim());
        var setting = page.Find("#require-approval");
        Assert.Equal("checkbox", setting.GetAttribute("type"));
        Assert.False(setting.HasAttribute("disabled"));
        Assert.Contains("Support must ask me before accessing my account", setting.Closest("label")!.TextContent);
        Assert.Empty(page.FindAll("#support-read-only"));
    }

    [Fact]
    public async Task Switching_approval_on_from_the_page_saves_it_and_explains_what_it_now_means()
    {
        var alice = data.Customer("alice");
        var page = RenderPageAs(data.CustomerUser(alice));
        Assert.StartsWith("Off:", page.Find("#approval-explained").TextContent.Trim());

        await page.Find("#require-approval").ChangeAsync(new ChangeEventArgs { Value = true });

        page.WaitForAssertion(() => Assert.StartsWith("On:", page.Find("#approval-explained").TextContent.Trim()));
        await using var db = database.CreateDbContext();
        Assert.True((await db.Customers.SingleAsync(c => c.Id == alice)).RequireSupportApproval);
    }

    [Fact]
    public async Task A_session_shows_who_why_and_how_it_ended_and_its_changes_open_on_request()
    {
        var alice = data.Customer("alice");
        var session = data.Session(alice, data.Now.AddDays(-1), ending: SessionEnding.EndedByAgent, endedAt: data.Now.AddDays(-1).AddMinutes(7), ticket: "T-48213");
        data.PhoneChange(alice, session.StartedAt.AddMinutes(3), session.Id);
        data.SignIns(alice, 12);
        var page = RenderPageAs(data.CustomerUser(alice));

        var card = page.Find($"#session-{session.Id}");
        Assert.Contains("Dana Reyes", card.TextContent);
        Assert.Contains("You asked Com 1 support for help", card.TextContent);
        Assert.Contains("T-48213", card.TextContent);
        Assert.Contains("by the agent", card.TextContent);
        Assert.DoesNotContain("Phone changed", card.TextContent);

        var toggle = card.QuerySelector("button[aria-controls]")!;
        Assert.Equal("false", toggle.GetAttribute("aria-expanded"));
        await toggle.ClickAsync(new());

        var expanded = page.Find($"#session-{session.Id}");
        Assert.Equal("true", expanded.QuerySelector("button[aria-controls]")!.GetAttribute("aria-expanded"));
        Assert.Contains("Phone changed", page.Find($"#session-actions-{session.Id}").TextContent);
        Assert.Equal(10, page.FindAll("#sign-ins tbody tr").Count);
        Assert.Contains("Show 2 older sign-ins", page.Find("#sign-ins-more").TextContent);
    }

    [Fact]
    public async Task Approving_on_the_page_opens_the_window_and_moves_the_request_to_past_requests()
    {
        var bob = data.Customer("bob");
        var request = data.Request(bob, data.Now.AddHours(-1), minutes: 20);
        var page = RenderPageAs(data.CustomerUser(bob));
        Assert.Contains("answer within 23 h 0 min", page.Find($"#request-{request.Id}").TextContent);

        await page.Find($"#approve-{request.Id}").ClickAsync(new());

        page.WaitForElement("#pending-empty");
        Assert.Contains("Approved for 20 minutes", page.Find("#past-requests").TextContent);
        var stored = await StoredAsync(request.Id);
        Assert.Equal((AccessRequestStatus.Approved, 20, data.Now.AddMinutes(20)), (stored.Status, stored.ApprovedMinutes!.Value, stored.WindowEndsAt!.Value));
    }

    [Fact]
    public async Task Denying_asks_for_confirmation_first_and_cancelling_changes_nothing()
    {
        var bob = data.Customer("bob");
        var request = data.Request(bob, data.Now.AddHours(-1));
        var page = RenderPageAs(data.CustomerUser(bob));

        // Not awaited: the click's handler waits for the answer in the dialog.
        page.Find($"#deny-{request.Id}").Click();
        await page.WaitForElement(".mud-dialog .mud-dialog-actions button:first-child").ClickAsync(new());
        Assert.Equal(AccessRequestStatus.Pending, (await StoredAsync(request.Id)).Status);

        page.Find($"#deny-{request.Id}").Click();
        Assert.Contains("T-2", page.WaitForElement(".mud-dialog").TextContent);
        await page.Find(".mud-dialog .mud-dialog-actions button:last-child").ClickAsync(new());

        page.WaitForElement("#pending-empty");
        Assert.Equal(AccessRequestStatus.Denied, (await StoredAsync(request.Id)).Status);
        Assert.Contains("Denied", page.Find("#past-requests").TextContent);
    }

    [Fact]
    public void Support_acting_in_the_account_sees_the_page_with_answers_and_the_switch_disabled()
    {
        var bob = data.Customer("bob");
        var session = data.Session(bob, data.Now.AddMinutes(-2));
        var request = data.Request(bob, data.Now.AddHours(-1));

        var page = RenderPageAs(data.SupportIn(bob, session));

        Assert.NotEmpty(page.FindAll("#support-read-only"));
        Assert.True(page.Find($"#approve-{request.Id}").HasAttribute("disabled"));
        Assert.True(page.Find($"#deny-{request.Id}").HasAttribute("disabled"));
        Assert.True(page.Find("#require-approval").HasAttribute("disabled"));
        Assert.Contains("Active now", page.Find($"#session-{session.Id}").TextContent);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's dialogs hold services that can only be disposed asynchronously.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        database.Dispose();
    }
}

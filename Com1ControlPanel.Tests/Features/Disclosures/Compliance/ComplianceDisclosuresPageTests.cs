using AngleSharp.Dom;
using Bunit;
using Com1ControlPanel.Components;
using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Disclosures;
using Com1ControlPanel.Features.Disclosures.Compliance;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.RateLimiting;
using Com1ControlPanel.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;
using static Com1ControlPanel.Tests.Features.Disclosures.Compliance.ComplianceTestData;

namespace Com1ControlPanel.Tests.Features.Disclosures.Compliance;

/// <summary>The compliance officer's page: the recording form, its live count of whom it reaches, and the register.</summary>
public sealed class ComplianceDisclosuresPageTests : BunitContext, IAsyncLifetime
{
    private readonly ComplianceTestData data = new();

    public ComplianceDisclosuresPageTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddLogging();
        Services.AddSingleton<IDbContextFactory<AppDbContext>>(data.Database);
        Services.AddSingleton<TimeProvider>(data.Clock);
        Services.AddSingleton(SignedIn.User(Officer, data.Database, data.Clock));
        Services.AddSingleton(data.Ledger);
        Services.AddSingleton(data.Queue);
        Services.AddSingleton(data.Progress);
        Services.AddSingleton<DisclosureNoticeSignal>();
        Services.AddScoped<DisclosureRecorder>();
        Services.AddScoped<CustomerSearch>();
        Services.AddSingleton(new StaffSearchLimit(Options.Create(new RateLimitOptions())));
    }

    private IRenderedComponent<Bunit.Rendering.ContainerFragment> RenderPage()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<CascadingValue<ViewerTime>>(2);
            builder.AddComponentParameter(3, "Value", ViewerTime.Utc);
            builder.AddComponentParameter(4, "ChildContent", (RenderFragment)(b =>
            {
                b.OpenComponent<ComplianceDisclosuresPage>(0);
                b.CloseComponent();
            }));
            builder.CloseComponent();
        });
    }

    /// <summary>Opens the list of a select by its input's id and returns the texts it offers.</summary>
    private static List<string> Open(IRenderedComponent<Bunit.Rendering.ContainerFragment> page, string inputId)
    {
        page.Find($"#{inputId}").Closest(".mud-input-control")!.MouseDown();
        return [.. page.FindAll(".mud-popover-open .mud-list-item").Select(i => i.TextContent.Trim())];
    }

    private static void Close(IRenderedComponent<Bunit.Rendering.ContainerFragment> page, string inputId) =>
        page.Find($"#{inputId}").Closest(".mud-input-control")!.MouseDown();

    private static void Choose(IRenderedComponent<Bunit.Rendering.ContainerFragment> page, string text) =>
        page.FindAll(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Trim() == text).Click();

    [Fact]
    public void An_empty_register_says_what_to_do()
    {
        var page = RenderPage();

        var empty = page.WaitForElement("#register-empty");
        Assert.StartsWith("Nothing is recorded yet. When Com 1 hands customer data to someone outside Com 1, record it with the form above",
            empty.TextContent.Trim());
    }

    [Fact]
    public async Task Reviewing_an_empty_form_shows_each_message_at_its_field_and_records_nothing()
    {
        var page = RenderPage();

        await page.WaitForElement("#disclosure-form form").SubmitAsync();

        page.WaitForElement("#disclosure-problem");
        string[] fieldMessages =
        [
            "Find and choose the customer whose data was disclosed.", "Enter who received the data.",
            "Choose the kind of recipient.", "Choose at least one kind of data that was shared.", "Choose the ground for the disclosure.",
            "Describe what was shared and why.", "Enter the date the data was handed over.", "Choose how the customers are told.",
        ];
        var shown = page.FindAll(".mud-input-helper-text.mud-input-error").Select(e => e.TextContent.Trim()).ToList();
        Assert.All(fieldMessages, m => Assert.True(shown.Any(s => s.StartsWith(m)), $"{m} is not among: {string.Join(" | ", shown)}"));
        Assert.Equal(0, await data.CountAsync(db => db.Disclosures));
    }

    [Fact]
    public void With_contents_of_communications_the_ground_list_offers_only_the_four_grounds()
    {
        var page = RenderPage();
        page.WaitForElement("#data-categories");

        Assert.True(page.Find("#ground").HasAttribute("disabled"));
        Open(page, "data-categories");
        Choose(page, DataCategories.ContentsOfCommunications.Label());
        Close(page, "data-categories");
        var grounds = Open(page, "ground");

        Assert.Equal(DisclosurePolicy.ContentGrounds.Select(g => g.Label()).Order(), grounds.Order());
        Assert.Contains("Contents of communications may only be disclosed on these four grounds.", page.Markup);
    }

    [Fact]
    public void The_preview_counts_whom_a_partner_disclosure_reaches_and_who_is_left_out_and_why()
    {
        data.Customer("a");
        data.Customer("b");
        data.Customer("optedout", optedOutOfPartnerSharing: true);
        data.Customer("closed", status: AccountStatus.Closed);
        var page = RenderPage();
        page.WaitForElement("#audience-kind");

        page.FindAll("#audience-kind input[type=radio]")[(int)AudienceKind.AllCustomers].Click();
        Open(page, "data-categories");
        Choose(page, DataCategories.Name.Label());
        Close(page, "data-categories");
        Open(page, "ground");
        Choose(page, DisclosureGround.PartnerProgramme.Label());

        page.WaitForAssertion(() => Assert.Equal("2 customers", page.Find("#reach-count").TextContent));
        Assert.Equal("2", page.Find("#reach-excluded").TextContent);
        Assert.Equal("1 customer opted out of partner sharing, which the policy must respect.", page.Find("#reach-opted-out").TextContent.Trim());
        Assert.Equal("1 customer with a suspended or closed account.", page.Find("#reach-not-active").TextContent.Trim());
    }

    [Fact]
    public async Task A_correction_opens_the_form_filled_with_the_original_for_its_customers()
    {
        var customer = data.Customer("alice");
        await data.Recorder.RecordAsync(Draft(recipientName: "Superior Court of California"), DisclosureAudience.One(customer));
        var page = RenderPage();

        await page.WaitForElement("[aria-label='Record a correction of the disclosure to Superior Court of California']").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("Record a correction", page.Find("#disclosure-form-heading").TextContent.Trim()));
        Assert.Contains("Superior Court of California", page.Find("#correction-banner").TextContent);
        Assert.Equal("Superior Court of California", page.Find("#recipient-name").GetAttribute("value"));
        Assert.Empty(page.FindAll("#audience-kind"));
        page.WaitForAssertion(() => Assert.Contains("(the customers of the disclosure it corrects)", page.Find("#reach-summary").TextContent));
    }

    [Fact]
    public async Task A_group_being_written_shows_its_progress_until_every_entry_is_in()
    {
        data.Customer("a");
        data.Customer("b");
        await data.Recorder.RecordAsync(Draft(), DisclosureAudience.Everyone);
        var page = RenderPage();

        var progress = page.WaitForElement(".register-progress[data-status=Writing]");
        Assert.Contains("Writing: 0 of 2 customers", progress.TextContent);
        Assert.NotNull(page.Find("[role=progressbar][aria-label='Progress of the disclosure to Superior Court of California']"));

        await data.WriteQueuedAsync();

        page.WaitForAssertion(() => Assert.Contains("In the logs of 2 customers.", page.Find(".register-progress").TextContent),
            TimeSpan.FromSeconds(5));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's dialogs hold services that can only be disposed asynchronously.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        data.Dispose();
    }
}

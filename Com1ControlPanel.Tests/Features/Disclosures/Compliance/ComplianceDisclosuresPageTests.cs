using AngleSharp.Dom;
using Bunit;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Disclosures;
using Com1ControlPanel.Features.Disclosures.Compliance;
using Com1ControlPanel.Infrastructure.Security;
using static Com1ControlPanel.Tests.Features.Disclosures.Compliance.ComplianceTestData;

namespace Com1ControlPanel.Tests.Features.Disclosures.Compliance;

/// <summary>The compliance officer's page: the recording form, its live count of whom it reaches, and the register.</summary>
public sealed class ComplianceDisclosuresPageTests() : ComponentTest(now: Start)
{
    private StaffMember officer = null!;

    protected override async Task ArrangeAsync()
    {
        officer = await Kit.Staff.NewAsync(Roles.ComplianceOfficer, "Morgan Lee");
        SignIn(officer.Principal);
    }

    private DisclosureRecorder Recorder => Kit.As(officer.Principal).Get<DisclosureRecorder>();

    private IRenderedComponent<Bunit.Rendering.ContainerFragment> RenderPage() => RenderPage<ComplianceDisclosuresPage>();

    /// <summary>Opens the list of a select by its input's id and returns the texts it offers.</summary>
    private static List<string> Open(IRenderedComponent<Bunit.Rendering.ContainerFragment> page, string inputId)
    {
        page.Find($"#{inputId}").Closest(".mud-input-control")!.MouseDown();
        return [.. page.FindAll(".mud-popover-open .mud-list-item").Select(i => i.TextContent.Trim())];
    }

    private static void Close(IRenderedComponent<Bunit.Rendering.ContainerFragment> page, string inputId) =>
        page.Find($"#{inputId}").Closest(".mud-input-control")!.MouseDown();

    /// <summary>Clicks <paramref name="text"/> in the open list, once it is there (the page may still be rendering a count).</summary>
    private static void Choose(IRenderedComponent<Bunit.Rendering.ContainerFragment> page, string text)
    {
        IElement? item = null;
        page.WaitForAssertion(() => item = page.FindAll(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Trim() == text));
        item!.Click();
    }

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
        Assert.Equal(0, await Kit.CountAsync(db => db.Disclosures));
    }

    [Fact]
    public void With_contents_of_communications_the_ground_list_offers_only_the_four_grounds()
    {
        var page = RenderPage();
        page.WaitForElement("#data-categories");

        Assert.True(page.Find("#ground").HasAttribute("disabled"));
        Open(page, "data-categories");
        Choose(page, "Contents of email and other communications");
        Close(page, "data-categories");
        var grounds = Open(page, "ground");

        Assert.Equal(["Necessary to provide the service", "Obtained by accident and appearing to concern a crime",
            "Required by law or legal process", "To protect the legitimate interests of Com 1 and its customers"], grounds.Order());
        Assert.Contains("Contents of communications may only be disclosed on these four grounds.", page.Markup);
    }

    [Fact]
    public async Task The_preview_counts_whom_a_partner_disclosure_reaches_and_who_is_left_out_and_why()
    {
        await Kit.CustomerAsync("a");
        await Kit.CustomerAsync("b");
        await Kit.CustomerAsync("optedout", optedOutOfPartnerSharing: true);
        await Kit.CustomerAsync("closed", status: AccountStatus.Closed);
        var page = RenderPage();
        page.WaitForElement("#audience-kind");

        page.FindAll("#audience-kind input[type=radio]")[(int)AudienceKind.AllCustomers].Click();
        Open(page, "data-categories");
        Choose(page, "Name");
        Close(page, "data-categories");
        Open(page, "ground");
        Choose(page, "A selected partner programme");

        page.WaitForAssertion(() => Assert.Equal("2 customers", page.Find("#reach-count").TextContent));
        Assert.Equal("2", page.Find("#reach-excluded").TextContent);
        Assert.Equal("1 customer opted out of partner sharing, which the policy must respect.", page.Find("#reach-opted-out").TextContent.Trim());
        Assert.Equal("1 customer with a suspended or closed account.", page.Find("#reach-not-active").TextContent.Trim());
    }

    [Fact]
    public async Task A_correction_opens_the_form_filled_with_the_original_for_its_customers()
    {
        var customer = await Kit.CustomerAsync("alice");
        await Recorder.RecordAsync(Draft(recipientName: "Superior Court of California"), DisclosureAudience.One(customer));
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
        await Kit.CustomerAsync("a");
        await Kit.CustomerAsync("b");
        await Recorder.RecordAsync(Draft(), DisclosureAudience.Everyone);
        var page = RenderPage();

        var progress = page.WaitForElement(".register-progress[data-status=Writing]");
        Assert.Contains("Writing: 0 of 2 customers", progress.TextContent);
        Assert.NotNull(page.Find("[role=progressbar][aria-label='Progress of the disclosure to Superior Court of California']"));

        await Kit.WriteQueuedAsync();

        page.WaitForAssertion(() => Assert.Contains("In the logs of 2 customers.", page.Find(".register-progress").TextContent),
            TimeSpan.FromSeconds(5));
    }
}

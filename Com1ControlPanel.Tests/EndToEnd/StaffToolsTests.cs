using Com1ControlPanel.Infrastructure.Security;
using Microsoft.Playwright;
using static Com1ControlPanel.Tests.Kit.TestDisclosures;

namespace Com1ControlPanel.Tests.EndToEnd;

/// <summary>Staff pages in the browser: the dashboard's links, the register by customer, the announcement's fixed channel.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class StaffToolsTests(BrowserApp app, DebianChromium chromium)
{
    private async Task<IPage> SignedInAsync(string role, string path, string? theme = null, int? width = null)
    {
        var staff = await app.Staff.NewAsync(role);
        var page = await chromium.NewPageAsync(app.BaseAddress, theme, width);
        await page.SignInAsync(staff.Email);
        await page.GotoAsync(path);
        await page.WaitForInteractiveAsync();
        return page;
    }

    public static TheoryData<string, int> Looks => new() { { "light", 1280 }, { "dark", 1280 }, { "light", 375 }, { "dark", 375 } };

    [Theory]
    [MemberData(nameof(Looks))]
    public async Task The_compliance_dashboard_links_to_the_register(string theme, int width)
    {
        var page = await SignedInAsync(Roles.ComplianceOfficer, "/", theme, width);
        await page.ScreenshotForReviewAsync($"staff-dashboard-{theme}-{width}");

        await page.GetByRole(AriaRole.Link, new() { Name = "Open Disclosure register" }).ClickAsync();

        await page.WaitForPathAsync("/compliance/disclosures");
    }

    [Theory]
    [MemberData(nameof(Looks))]
    public async Task The_register_names_the_customer_and_narrows_to_one_found_by_email(string theme, int width)
    {
        var customer = await app.Customers.NewAsync("Renata Register");
        var other = await app.Customers.NewAsync("Otto Register");
        var reference = $"Order {Guid.NewGuid():N}"[..16];
        await app.Disclosures.RecordAsync(NewDisclosure("County Court of Testing", reference: reference,
            occurredAt: DateTime.UtcNow.AddDays(-1)), customer.Id);
        await app.Disclosures.RecordAsync(NewDisclosure("Other Court", occurredAt: DateTime.UtcNow.AddDays(-1)), other.Id);
        var page = await SignedInAsync(Roles.ComplianceOfficer, "/compliance/disclosures", theme, width);

        await page.FillAsync("#register-customer", customer.Email);
        await page.GetByRole(AriaRole.Option).Filter(new() { HasText = customer.CustomerNumber }).ClickAsync();

        var entry = page.Locator("#disclosure-register [role=listitem]", new() { HasText = reference });
        await Assertions.Expect(entry).ToContainTextAsync($"Customer: Renata Register · {customer.CustomerNumber}");
        await Assertions.Expect(page.Locator("#disclosure-register")).Not.ToContainTextAsync("Otto Register");
        await Assertions.Expect(page.Locator("#register-count")).ToContainTextAsync("1 disclosure match");
        await entry.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotForReviewAsync($"compliance-register-customer-{theme}-{width}");
    }

    [Theory]
    [MemberData(nameof(Looks))]
    public async Task The_announcements_channel_reads_as_a_fact_and_the_call_list_says_who_it_leaves_out(string theme, int width)
    {
        await app.Customers.NewAsync("Nora Nophone", with: c => (c.Phone, c.MobilePhone) = (null, null));
        var page = await SignedInAsync(Roles.Admin, "/admin/announcements", theme, width);

        await Assertions.Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Channel" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#announcement-channel")).ToHaveTextAsync("Email");
        await Assertions.Expect(page.Locator("#list-ComProducts-Phone").Locator("..")).ToContainTextAsync("left out: no phone number");
        await page.ScreenshotForReviewAsync($"announcements-{theme}-{width}");
    }

    [Theory]
    [InlineData("light", 1280)]
    [InlineData("dark", 375)]
    public async Task An_administrator_opens_the_job_dashboard_from_the_dashboard_and_its_scripts_run(string theme, int width)
    {
        var page = await SignedInAsync(Roles.Admin, "/", theme, width);
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                refused.Add(message.Text);
            }
        };

        await page.GetByRole(AriaRole.Link, new() { Name = "Open Background jobs" }).ClickAsync();

        await page.WaitForPathAsync("/admin/jobs");
        await Assertions.Expect(page.GetByText("Com 1 jobs").First).ToBeVisibleAsync();
        // The dashboard's own script ran under the panel's Content Security Policy (it defines window.Hangfire).
        await Assertions.Expect(page.Locator("#realtimeGraph")).ToBeAttachedAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.Hangfire === 'object'"), "The dashboard's script did not run.");
        await page.ScreenshotForReviewAsync($"jobs-dashboard-{theme}-{width}");
        Assert.Empty(refused);
    }
}

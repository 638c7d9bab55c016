using Com1ControlPanel.Features.Support.Help;
using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.EndToEnd;

/// <summary>"Get help" in the browser: the customer asks with permission, support helps under it, the customer sees what was done.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class HelpRequestTests(BrowserApp app, DebianChromium chromium)
{
    private Task<TestCustomer> NewCustomerAsync(string firstName, bool asksFirst = false) =>
        app.Customers.NewAsync($"{firstName} {Guid.NewGuid():N}"[..(firstName.Length + 9)], with: c => c.RequireSupportApproval = asksFirst);

    private async Task<IPage> SignedInAsync(TestCustomer customer, string? theme = null, int? width = null)
    {
        var page = await chromium.NewPageAsync(app.BaseAddress, theme, width);
        await page.SignInAsync(customer.Email);
        return page;
    }

    [Fact]
    public async Task A_customer_who_requires_approval_asks_with_permission_and_support_helps_under_it_without_asking_again()
    {
        var customer = await NewCustomerAsync("Hedda", asksFirst: true);
        var hers = await SignedInAsync(customer);
        await hers.GotoAsync("/");
        await hers.WaitForInteractiveAsync();
        await hers.ClickAsync("nav >> text=Get help");
        await hers.WaitForPathAsync("/help");
        await hers.WaitForInteractiveAsync();
        await hers.ClickAsync("#ask-for-help");
        await hers.WaitForPathAsync("/help/new");
        await hers.WaitForInteractiveAsync();
        await hers.FillAsync("#help-subject", "Mail to my domain bounces");
        await hers.FillAsync("#help-description", "Since Monday every message to info@ comes back.");
        await hers.Locator(".mud-input-control.mud-select", new() { Has = hers.Locator("#help-access") }).ClickAsync();
        var choice = hers.Locator(".mud-popover-open .mud-list-item:has-text('Yes, for up to 15 minutes')");
        await choice.ClickAsync();
        // The list of choices lies over the button until it has closed.
        await Assertions.Expect(choice).ToHaveCountAsync(0);
        await hers.ClickAsync("#help-submit");
        await hers.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/help/HELP-", StringComparison.Ordinal));
        var reference = hers.Path()["/help/".Length..];
        await Assertions.Expect(hers.Locator("h1")).ToContainTextAsync(reference);
        await Assertions.Expect(hers.Locator("#help-permission")).ToContainTextAsync("15 minutes");
        await hers.ScreenshotForReviewAsync("help-request-open-1280-light");

        var agent = await app.Staff.NewAgentAsync(authenticator: true);
        var his = await chromium.NewPageAsync(app.BaseAddress);
        await his.SignInAsync(agent.Email);
        await his.FillAsync("#two-factor-code", agent.Code());
        await his.SubmitFromAsync("#two-factor-code");
        await his.GotoAsync("/support");
        await his.WaitForInteractiveAsync();
        var item = his.Locator($"#queue-{reference}");
        await Assertions.Expect(item).ToContainTextAsync("Mail to my domain bounces");
        await Assertions.Expect(item).ToContainTextAsync("No separate approval is needed");
        await his.ScreenshotForReviewAsync("help-console-1280-light");
        await item.Locator($"#note-{reference}").FillAsync("Check the mail routing of the domain");
        await Task.WhenAll(his.WaitForPathAsync("/"), item.Locator($"#start-session-{reference}").ClickAsync());
        await Assertions.Expect(his.Locator(".support-banner")).ToBeVisibleAsync();

        await hers.ReloadAsync();
        await hers.WaitForInteractiveAsync();
        await Assertions.Expect(hers.Locator("[data-status]").First).ToHaveTextAsync("In progress");
        var session = hers.Locator("#help-sessions li", new() { HasText = agent.Name });
        await Assertions.Expect(session).ToContainTextAsync(reference);
        await Assertions.Expect(hers.Locator("#help-timeline")).ToContainTextAsync("Support started a session in your account");
        await Assertions.Expect(hers.Locator("#help-timeline")).ToContainTextAsync($"Com 1 support ({agent.Name}) on your behalf");
        await hers.ScreenshotForReviewAsync("help-request-in-progress-1280-light");
    }

    [Theory]
    [InlineData("light", 1280)]
    [InlineData("dark", 1280)]
    [InlineData("light", 375)]
    [InlineData("dark", 375)]
    public async Task The_help_pages_pass_wcag_aa_and_the_form_shows_its_errors_at_the_fields(string theme, int width)
    {
        var customer = await NewCustomerAsync("Greta");
        var saved = await app.As(customer.Principal).Get<HelpRequests>().CreateAsync(new HelpRequestForm
        {
            Subject = "Renew my certificate", Description = "The certificate of my shop expires next week.\nPlease renew it.", AccessMinutes = 10,
        });
        var reference = Assert.IsType<HelpResult.Saved>(saved).Reference;
        var page = await SignedInAsync(customer, theme, width);

        await page.GotoAsync("/help");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator($"#help-{reference}")).ToContainTextAsync("Open");
        await AccessibilityChecks.AssertNoViolationsAsync(page);
        await page.ScreenshotForReviewAsync($"help-list-{width}-{theme}");

        await page.GotoAsync("/help/new");
        await page.WaitForInteractiveAsync();
        await page.ClickAsync("#help-submit");
        await Assertions.Expect(page.Locator("#help-form")).ToContainTextAsync("Enter a subject");
        await AccessibilityChecks.AssertNoViolationsAsync(page);
        await page.ScreenshotForReviewAsync($"help-form-errors-{width}-{theme}");

        await page.GotoAsync($"/help/{reference}");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("#help-timeline")).ToContainTextAsync("Asked for help");
        await AccessibilityChecks.AssertNoViolationsAsync(page);
        await page.ScreenshotForReviewAsync($"help-request-{width}-{theme}");
    }
}

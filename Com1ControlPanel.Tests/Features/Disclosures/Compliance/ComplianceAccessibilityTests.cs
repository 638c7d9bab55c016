using Com1ControlPanel.Data.DemoData;
using Com1ControlPanel.Tests.EndToEnd;
using Com1ControlPanel.Tests.Support;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.Features.Disclosures.Compliance;

/// <summary>axe-core's WCAG 2.1 A and AA rules on the disclosure register: the form, its messages and count, and the confirmation.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class ComplianceAccessibilityTests(PanelServer server, DebianChromium chromium)
{
    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    [Theory]
    [InlineData("light", 1280)]
    [InlineData("dark", 375)]
    public async Task The_register_its_messages_count_and_confirmation_pass_wcag_aa(string theme, int width)
    {
        var page = await chromium.NewPageAsync(server.BaseAddress);
        await page.SetViewportSizeAsync(width, 900);
        await page.Context.AddCookiesAsync([new Cookie { Name = "com1-theme", Value = theme, Url = server.BaseAddress.ToString() }]);
        await page.SignInAsync("compliance@com1.test", DemoAccounts.Password);
        await page.GotoAsync("/compliance/disclosures");
        await page.WaitForInteractiveAsync();
        await AssertNoViolationsAsync(page);

        await page.CheckAsync("#audience-EmailList");
        await page.FillAsync("#audience-emails", "alice@example.com\nnobody@example.com");
        // The count appears above the button: wait for it, so the click is not lost to the page moving.
        await Assertions.Expect(page.Locator("#reach-not-found")).ToHaveTextAsync("1 address matches no customer.");
        await page.ClickAsync("#disclosure-review");
        await Assertions.Expect(page.Locator("#disclosure-problem")).ToBeVisibleAsync();
        await AssertNoViolationsAsync(page);

        await page.FillAsync("#recipient-name", "Public .example domain registry");
        await page.ClickAsync("#recipient-category");
        await page.GetByRole(AriaRole.Option, new() { Name = "Domain registry" }).ClickAsync();
        await page.ClickAsync("#data-categories");
        await page.GetByRole(AriaRole.Option, new() { Name = "Domain registration data" }).ClickAsync();
        await RegisterActions.CloseListAsync(page);
        await page.ClickAsync("#ground");
        await page.GetByRole(AriaRole.Option, new() { Name = "Necessary to provide the service" }).ClickAsync();
        await page.FillAsync("#description", "Registration data of your domain, published in the public registry.");
        await page.FillAsync("#occurred-date", DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd"));
        await RegisterActions.CloseListAsync(page);
        await page.CheckAsync("#notice-NoSeparateNotice");
        await Assertions.Expect(page.Locator("#reach-count")).ToHaveTextAsync("1 customer");
        await page.ClickAsync("#disclosure-review");
        await Assertions.Expect(page.Locator("#confirm-reach")).ToHaveTextAsync("1 customer");
        await AssertNoViolationsAsync(page);
        await page.ClickAsync("#disclosure-cancel");
    }

    private static async Task AssertNoViolationsAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var results = await page.RunAxe(WcagAa);
        var found = results.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }
}

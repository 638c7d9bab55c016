using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Disclosures.Log;
using Com1ControlPanel.Tests.Features.Policies;
using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.Features.Accounts.Closing;

/// <summary>
/// A customer of the test's own, named after the demo's Alice, closes her account in the browser with her password: she
/// ends signed out (her other open page too), cannot sign in again and is told why; 30 days later on the app's clock the
/// retention job has anonymised her while her disclosure log still verifies.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class ClosingBrowserTests(ClockedBrowserApp app, DebianChromium chromium) : IClassFixture<ClockedBrowserApp>
{
    [Fact]
    public async Task Alice_closes_her_account_cannot_sign_in_again_and_is_anonymised_30_days_later_with_her_log_intact()
    {
        var alice = await app.Customers.NewAsync("Alice Morgan");
        await app.Disclosures.RecordManyAsync(alice.Id, 2);
        var page = await chromium.NewPageAsync(app.BaseAddress, "light", 1280);
        await page.SignInAsync(alice.Email);
        // A second device with a live page open: it must notice the closing by itself.
        var other = await chromium.NewPageAsync(app.BaseAddress, "light", 1280);
        await other.SignInAsync(alice.Email);
        await other.GotoAsync("/profile");
        await other.WaitForInteractiveAsync();

        await page.GotoAsync("/Account/Manage");
        await page.ClickAsync("a[href='Account/Manage/CloseAccount']");
        await page.WaitForPathAsync(ClosingSteps.Page);
        await Assertions.Expect(page.Locator("#close-kept")).ToContainTextAsync("6 years after closing");
        await page.FillAsync("#close-password", "not her password");
        await page.CheckAsync("#close-confirm");
        await page.SubmitFromAsync("#close-password");
        await Assertions.Expect(page.Locator("#close-password-help")).ToContainTextAsync("That password is not correct.");
        Assert.Equal(AccountStatus.Active, (await app.AccountStateAsync(alice.Id)).Status);

        await page.FillAsync("#close-password", alice.Password);
        await page.CheckAsync("#close-confirm");
        await page.ClickAsync("#close-submit");
        await page.WaitForPathAsync("/Account/Closed");
        await Assertions.Expect(page.Locator("#closed-status")).ToContainTextAsync("can no longer sign in");
        await page.ScreenshotForReviewAsync("account-closed-light-1280");

        Assert.False(await page.SeesDashboardAsync());
        await other.WaitForPathAsync("/Account/Login");
        Assert.False(await other.SeesDashboardAsync());

        await page.SignInAsync(alice.Email);
        Assert.Equal("/Account/Login", page.Path());
        await Assertions.Expect(page.Locator("#login-closed")).ToContainTextAsync("This account was closed on");
        await page.ScreenshotForReviewAsync("login-closed-light-1280");
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "com1.auth");

        app.Clock.Advance(TimeSpan.FromDays(30));
        // The daily retention job's next turn, as the app's job engine runs it (its schedule follows the real clock).
        app.Services.GetRequiredService<Hangfire.IRecurringJobManager>().Trigger("closed-account-retention");
        await WaitForAsync(async () => (await app.AccountStateAsync(alice.Id)).Closure?.Retention == RetentionStep.Anonymised);
        await using (var db = app.CreateDbContext())
        {
            var stored = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == alice.Id);
            Assert.Equal((alice.CustomerNumber, (string?)null, (string?)null), (stored.FullName, stored.Street, stored.Phone));
            Assert.Equal(RetentionRules.PlaceholderEmail(alice.CustomerNumber), await db.Users.Where(u => u.Id == alice.Id).Select(u => u.Email).SingleAsync());
        }
        using var scope = app.As(alice.Principal);
        var log = await scope.Get<DisclosureLogService>().VerifyAsync();
        Assert.True(log.Intact, log.Explanation);
        Assert.Equal(2, log.VerifiedEntries);
    }

    private static async Task WaitForAsync(Func<Task<bool>> done)
    {
        for (var tries = 0; tries < 100; tries++)
        {
            if (await done())
            {
                return;
            }
            await Task.Delay(100);
        }
        Assert.Fail("The retention job did not run within 10 seconds of the clock passing day 30.");
    }
}

/// <summary>
/// The closing page of a customer with two-factor sign-in (so the code field shows) passes the WCAG AA checks and fits the
/// window in both themes at 1280 and 375 px. On the machine's clock, which the authenticator app's codes follow.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class ClosingPageLayoutTests(BrowserApp app, DebianChromium chromium)
{
    [Theory]
    [InlineData("light", 1280)]
    [InlineData("dark", 1280)]
    [InlineData("light", 375)]
    [InlineData("dark", 375)]
    public async Task The_closing_page_reads_well_in_both_themes_on_a_desktop_and_a_phone(string theme, int width)
    {
        var customer = await app.Customers.NewAsync("Alice Layout", authenticator: true);
        var page = await chromium.NewPageAsync(app.BaseAddress, theme, width);
        await page.SignInAsync(customer.Email);
        await page.FillAsync("#two-factor-code", customer.Code());
        await page.SubmitFromAsync("#two-factor-code");

        await page.GotoAsync(ClosingSteps.Page);

        await Assertions.Expect(page.Locator("#close-code")).ToBeVisibleAsync();
        await page.ScreenshotForReviewAsync($"close-account-{theme}-{width}");
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
        Assert.False(overflow, "The closing page scrolls sideways");
        await AccessibilityChecks.AssertNoViolationsAsync(page);
    }
}

using Com1ControlPanel.Features.Billing;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Billing.Gateway.Embedded;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.Features.Billing;

/// <summary>/billing in Chromium: the card typed into the embedded gateway's frame, as a customer does it.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class BillingBrowserTests(BrowserApp app, DebianChromium chromium)
{
    /// <summary>A new customer with a Visa ending 4242 on file (expiring <paramref name="expiry"/>), on /billing, live.</summary>
    private async Task<(IPage Page, string CustomerId)> CustomerOnBillingAsync(DateTime? expiry = null, string theme = "light",
        int? width = null)
    {
        var customer = await app.Customers.NewAsync("Carla Card");
        var until = expiry ?? new DateTime(2029, 8, 1);
        await app.PutCardAsync(customer.Id, until.Month, until.Year);
        await using (var db = app.CreateDbContext())
        {
            db.ServiceSubscriptions.Add(new ServiceSubscription
            {
                CustomerId = customer.Id, Service = Service.RemoteBackup, Plan = "50 GB", StartedOn = new DateOnly(2025, 3, 1),
            });
            await db.SaveChangesAsync();
        }
        var page = await chromium.NewPageAsync(app.BaseAddress, theme, width);
        await page.SignInAsync(customer.Email);
        await page.GotoAsync("/billing");
        await page.WaitForInteractiveAsync();
        return (page, customer.Id);
    }

    /// <summary>Opens the card form and types a card into the gateway's frame.</summary>
    private static async Task<IFrameLocator> TypeCardAsync(IPage page, string number, string expiry = "08/29", string code = "123")
    {
        await page.ClickAsync("#card-add");
        var frame = page.FrameLocator("#card-entry-frame");
        await frame.Locator("#number").FillAsync(number);
        await frame.Locator("#name").FillAsync("Carla Card");
        await frame.Locator("#expiry").FillAsync(expiry);
        await frame.Locator("#code").FillAsync(code);
        await frame.Locator("button[type=submit]").ClickAsync();
        return frame;
    }

    [Fact]
    public async Task A_customer_replaces_her_card_by_typing_the_new_one_into_the_gateways_frame()
    {
        var (page, customerId) = await CustomerOnBillingAsync();
        await Assertions.Expect(page.Locator("#card-add")).ToHaveTextAsync("Replace card");

        await TypeCardAsync(page, "5555 5555 5555 4444", "03/30");

        await Assertions.Expect(page.Locator("#card-number")).ToHaveTextAsync("•••• 4444");
        await Assertions.Expect(page.Locator("#card-brand")).ToHaveTextAsync("Mastercard");
        await Assertions.Expect(page.Locator("#card-expiry")).ToHaveTextAsync("Expires 03/2030");
        await Assertions.Expect(page.Locator("#card-entry")).ToHaveCountAsync(0);
        var stored = await app.StoredCardAsync(customerId);
        Assert.Equal(("Mastercard", "4444", 3, 2030), (stored!.Brand, stored.Last4, stored.ExpiryMonth, stored.ExpiryYear));
        await app.Mailbox.WaitForAsync((await EmailAsync(customerId))!, "Your payment card was replaced");
    }

    [Fact]
    public async Task A_declined_card_is_explained_in_the_gateways_form_and_the_old_card_stays()
    {
        var (page, customerId) = await CustomerOnBillingAsync();

        var frame = await TypeCardAsync(page, "4000 0000 0000 0002");

        await Assertions.Expect(frame.Locator("#number-error")).ToHaveTextAsync(EmbeddedCardCheck.DeclinedMessage);
        await Assertions.Expect(frame.Locator("#number")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#card-number")).ToHaveTextAsync("•••• 4242");
        Assert.Equal("4242", (await app.StoredCardAsync(customerId))!.Last4);
    }

    [Fact]
    public async Task Removing_the_only_card_asks_first_and_says_what_happens_at_the_next_invoice()
    {
        var (page, customerId) = await CustomerOnBillingAsync();

        await page.ClickAsync("#card-remove");
        await Assertions.Expect(page.Locator("#remove-card-warning")).ToContainTextAsync("Your next invoice cannot be charged to a card");
        await Assertions.Expect(page.Locator("#remove-card-warning")).ToContainTextAsync("Remote backup");
        await page.ClickAsync("#remove-card-cancel");
        Assert.NotNull(await app.StoredCardAsync(customerId));

        await page.ClickAsync("#card-remove");
        await page.ClickAsync("#remove-card-confirm");

        await Assertions.Expect(page.Locator("#card-empty")).ToContainTextAsync("No card on file");
        Assert.Null(await app.StoredCardAsync(customerId));
    }

    [Theory]
    [InlineData("light", 1280)]
    [InlineData("dark", 1280)]
    [InlineData("light", 375)]
    [InlineData("dark", 375)]
    public async Task The_billing_page_with_its_card_form_open_passes_wcag_aa(string theme, int width)
    {
        var soon = DateTime.UtcNow.AddMonths(1);
        var (page, _) = await CustomerOnBillingAsync(soon, theme, width);
        await Assertions.Expect(page.Locator("#card-state")).ToHaveTextAsync("Expires soon");
        await page.ScreenshotForReviewAsync($"billing-{width}-{theme}");
        await AccessibilityChecks.AssertNoViolationsAsync(page);

        await page.ClickAsync("#card-add");
        await page.FrameLocator("#card-entry-frame").Locator("#number").WaitForAsync();
        await page.ScreenshotForReviewAsync($"billing-entry-{width}-{theme}");
        await AccessibilityChecks.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task An_agent_in_a_session_sees_only_the_masked_card_and_cannot_open_the_card_form()
    {
        var name = "Sandra " + Guid.NewGuid().ToString("N")[..8];
        var customer = await app.Customers.NewAsync(name);
        await app.PutCardAsync(customer.Id);
        var page = await SignedInAgentAsync();
        await page.GotoAsync("/support");
        await page.WaitForInteractiveAsync();
        await page.FillAsync("#support-search", name);
        await page.ClickAsync($"button[aria-label='Choose: {name}']");
        await page.Locator(".mud-input-control.mud-select", new() { Has = page.Locator("#session-reason") }).ClickAsync();
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('Support the customer asked for')");
        await page.FillAsync("#session-ticket", "T-CARD");
        await page.FillAsync("#session-note", "Customer asks which card is on file");
        await Task.WhenAll(page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/"), page.ClickAsync("#start-session"));

        await page.GotoAsync("/billing");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("#card-number")).ToHaveTextAsync("•••• 4242");
        await Assertions.Expect(page.Locator("#card-support-note")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#card-add")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#card-remove")).ToHaveCountAsync(0);

        var entry = await app.Get<EmbeddedGateway>().BeginCardEntryAsync(
            new Com1ControlPanel.Features.Billing.Gateway.CardHolder(customer.Id, name, "x@example.com"), default);
        await page.GotoAsync(((Com1ControlPanel.Features.Billing.Gateway.CardEntryStart.EmbeddedForm)entry).FormUrl);
        Assert.Equal("/support/not-allowed", page.Path());
    }

    /// <summary>A new agent with an authenticator app, signed in with password and code, as agents must be.</summary>
    private async Task<IPage> SignedInAgentAsync()
    {
        var agent = await app.Staff.NewAgentAsync(authenticator: true);
        var page = await chromium.NewPageAsync(app.BaseAddress);
        await page.SignInAsync(agent.Email);
        await page.FillAsync("#two-factor-code", agent.Code());
        await page.SubmitFromAsync("#two-factor-code");
        await page.WaitForPathAsync("/");
        return page;
    }

    private async Task<string?> EmailAsync(string customerId)
    {
        await using var db = app.CreateDbContext();
        return await db.Users.Where(u => u.Id == customerId).Select(u => u.Email).SingleAsync();
    }
}

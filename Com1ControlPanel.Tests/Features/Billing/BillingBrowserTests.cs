using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Billing;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Billing.Gateway.Embedded;
using Com1ControlPanel.Infrastructure.Security;
using Com1ControlPanel.Tests.EndToEnd;
using Com1ControlPanel.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.Features.Billing;

/// <summary>/billing in Chromium: the card typed into the embedded gateway's frame, as a customer does it.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class BillingBrowserTests(PanelServer server, DebianChromium chromium)
{
    /// <summary>A new customer with a Visa ending 4242 on file (expiring <paramref name="expiry"/>), on /billing, live.</summary>
    private async Task<(IPage Page, string CustomerId)> CustomerOnBillingAsync(string name, DateTime? expiry = null, string theme = "light")
    {
        var email = $"{name}-{Guid.NewGuid():N}"[..20] + "@example.com";
        var customer = await TestCustomers.CreateAsync(server.App.Services, email, "Carla Card");
        await PutCardAsync(customer.Id, expiry ?? new DateTime(2029, 8, 1));
        var page = await chromium.NewPageAsync(server.BaseAddress);
        await page.Context.AddCookiesAsync([new Cookie { Name = "com1-theme", Value = theme, Url = server.BaseAddress.ToString() }]);
        await page.SignInAsync(email, TestCustomers.Password);
        await page.GotoAsync("/billing");
        await page.WaitForInteractiveAsync();
        return (page, customer.Id);
    }

    private async Task PutCardAsync(string customerId, DateTime expiry)
    {
        await using var db = server.App.CreateDbContext();
        db.PaymentCards.Add(new PaymentCard
        {
            CustomerId = customerId, Gateway = "Embedded", GatewayReference = "card_emb_browser", Brand = "Visa", Last4 = "4242",
            ExpiryMonth = expiry.Month, ExpiryYear = expiry.Year, HolderName = "Carla Card", AddedAt = DateTime.UtcNow.AddDays(-30),
        });
        db.ServiceSubscriptions.Add(new ServiceSubscription
        {
            CustomerId = customerId, Service = Service.RemoteBackup, Plan = "50 GB", StartedOn = new DateOnly(2025, 3, 1),
        });
        await db.SaveChangesAsync();
    }

    private async Task<PaymentCard?> StoredAsync(string customerId)
    {
        await using var db = server.App.CreateDbContext();
        return await db.PaymentCards.AsNoTracking().SingleOrDefaultAsync(c => c.CustomerId == customerId);
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
        var (page, customerId) = await CustomerOnBillingAsync("replace");
        await Assertions.Expect(page.Locator("#card-add")).ToHaveTextAsync("Replace card");

        await TypeCardAsync(page, "5555 5555 5555 4444", "03/30");

        await Assertions.Expect(page.Locator("#card-number")).ToHaveTextAsync("•••• 4444");
        await Assertions.Expect(page.Locator("#card-brand")).ToHaveTextAsync("Mastercard");
        await Assertions.Expect(page.Locator("#card-expiry")).ToHaveTextAsync("Expires 03/2030");
        await Assertions.Expect(page.Locator("#card-entry")).ToHaveCountAsync(0);
        var stored = await StoredAsync(customerId);
        Assert.Equal(("Mastercard", "4444", 3, 2030), (stored!.Brand, stored.Last4, stored.ExpiryMonth, stored.ExpiryYear));
        await server.App.Mailbox.WaitForAsync((await EmailAsync(customerId))!, "Your payment card was replaced");
    }

    [Fact]
    public async Task A_declined_card_is_explained_in_the_gateways_form_and_the_old_card_stays()
    {
        var (page, customerId) = await CustomerOnBillingAsync("declined");

        var frame = await TypeCardAsync(page, "4000 0000 0000 0002");

        await Assertions.Expect(frame.Locator("#number-error")).ToHaveTextAsync(EmbeddedCardCheck.DeclinedMessage);
        await Assertions.Expect(frame.Locator("#number")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#card-number")).ToHaveTextAsync("•••• 4242");
        Assert.Equal("4242", (await StoredAsync(customerId))!.Last4);
    }

    [Fact]
    public async Task Removing_the_only_card_asks_first_and_says_what_happens_at_the_next_invoice()
    {
        var (page, customerId) = await CustomerOnBillingAsync("remove");

        await page.ClickAsync("#card-remove");
        await Assertions.Expect(page.Locator("#remove-card-warning")).ToContainTextAsync("Your next invoice cannot be charged to a card");
        await Assertions.Expect(page.Locator("#remove-card-warning")).ToContainTextAsync("Remote backup");
        await page.ClickAsync("#remove-card-cancel");
        Assert.NotNull(await StoredAsync(customerId));

        await page.ClickAsync("#card-remove");
        await page.ClickAsync("#remove-card-confirm");

        await Assertions.Expect(page.Locator("#card-empty")).ToContainTextAsync("No card on file");
        Assert.Null(await StoredAsync(customerId));
    }

    [Theory]
    [InlineData("light", 1280)]
    [InlineData("dark", 1280)]
    [InlineData("light", 375)]
    [InlineData("dark", 375)]
    public async Task The_billing_page_with_its_card_form_open_passes_wcag_aa(string theme, int width)
    {
        var soon = DateTime.UtcNow.AddMonths(1);
        var (page, _) = await CustomerOnBillingAsync($"look{width}", soon, theme);
        await page.SetViewportSizeAsync(width, 900);
        await Assertions.Expect(page.Locator("#card-state")).ToHaveTextAsync("Expires soon");
        await Screenshot(page, $"billing-{width}-{theme}");
        await AccessibilityChecks.AssertNoViolationsAsync(page);

        await page.ClickAsync("#card-add");
        await page.FrameLocator("#card-entry-frame").Locator("#number").WaitForAsync();
        await Screenshot(page, $"billing-entry-{width}-{theme}");
        await AccessibilityChecks.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task An_agent_in_a_session_sees_only_the_masked_card_and_cannot_open_the_card_form()
    {
        var name = "Sandra " + Guid.NewGuid().ToString("N")[..8];
        var customer = await TestCustomers.CreateAsync(server.App.Services, $"sess-{Guid.NewGuid():N}"[..16] + "@example.com", name);
        await PutCardAsync(customer.Id, new DateTime(2029, 8, 1));
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

        var entry = await server.App.Services.GetRequiredService<EmbeddedGateway>().BeginCardEntryAsync(
            new Com1ControlPanel.Features.Billing.Gateway.CardHolder(customer.Id, name, "x@example.com"), default);
        await page.GotoAsync(((Com1ControlPanel.Features.Billing.Gateway.CardEntryStart.EmbeddedForm)entry).FormUrl);
        Assert.Equal("/support/not-allowed", page.Path());
    }

    /// <summary>An agent with an authenticator app, signed in with password and code, as agents must be.</summary>
    private async Task<IPage> SignedInAgentAsync()
    {
        var email = $"agent-{Guid.NewGuid():N}"[..16] + "@com1.test";
        string key;
        await using (var scope = server.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var agent = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Tess Card" };
            Assert.True((await users.CreateAsync(agent, TestCustomers.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(agent, Roles.SupportAgent)).Succeeded);
            await users.ResetAuthenticatorKeyAsync(agent);
            await users.SetTwoFactorEnabledAsync(agent, true);
            key = (await users.GetAuthenticatorKeyAsync(agent))!;
        }
        var page = await chromium.NewPageAsync(server.BaseAddress);
        await page.SignInAsync(email, TestCustomers.Password);
        await page.FillAsync("#two-factor-code", Totp.Code(key, DateTimeOffset.UtcNow));
        await page.SubmitFromAsync("#two-factor-code");
        await page.WaitForPathAsync("/");
        return page;
    }

    /// <summary>With COM1_SCREENSHOTS set to a folder, the page as a person sees it is saved there for a look.</summary>
    private static async Task Screenshot(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("COM1_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.WaitForTimeoutAsync(400);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }

    private async Task<string?> EmailAsync(string customerId)
    {
        await using var db = server.App.CreateDbContext();
        return await db.Users.Where(u => u.Id == customerId).Select(u => u.Email).SingleAsync();
    }
}

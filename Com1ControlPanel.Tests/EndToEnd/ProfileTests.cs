using System.Text.RegularExpressions;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Infrastructure.Email;
using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.EndToEnd;

/// <summary>The profile page in the browser; each test signs in as a customer of its own.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class ProfileTests(BrowserApp app, DebianChromium chromium)
{
    private async Task<(IPage Page, string CustomerId)> SignedInCustomerAsync(string name, Action<Customer>? with = null,
        string? theme = null, int? width = null)
    {
        var customer = await app.Customers.NewAsync($"{name} Tester", with: with);
        var page = await chromium.NewPageAsync(app.BaseAddress, theme, width);
        await page.SignInAsync(customer.Email);
        await page.GotoAsync("/profile");
        await page.WaitForInteractiveAsync();
        return (page, customer.Id);
    }

    private static async Task SaveAsync(IPage page)
    {
        await page.ClickAsync("#profile-save");
        await page.Locator("#profile-save:not([disabled])").WaitForAsync();
    }

    private async Task<string?> StoredAsync(string customerId, Func<Customer, string?> field)
    {
        await using var db = app.CreateDbContext();
        return field(await db.Customers.AsNoTracking().SingleAsync(c => c.Id == customerId));
    }

    [Theory]
    [InlineData("light", 1280)]
    [InlineData("dark", 375)]
    public async Task A_customer_changes_their_phone_and_sees_the_change_in_recent_changes(string theme, int width)
    {
        var (page, id) = await SignedInCustomerAsync("phone", theme: theme, width: width);

        await page.FillAsync("#profile-phone", "415 555 0177");
        await SaveAsync(page);

        var row = page.Locator("#recent-changes tr", new() { HasText = "Phone" });
        await Assertions.Expect(row).ToContainTextAsync("+1 415-555-0177");
        await Assertions.Expect(row).ToContainTextAsync("+1 415-555-0100");
        await Assertions.Expect(row).ToContainTextAsync("You");
        Assert.Equal("+14155550177", await StoredAsync(id, c => c.Phone));
        await page.Locator("#recent-changes").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotForReviewAsync($"profile-recent-changes-{theme}-{width}");
    }

    [Fact]
    public async Task An_invalid_phone_is_refused_at_the_field_and_nothing_is_saved()
    {
        var (page, id) = await SignedInCustomerAsync("badphone");

        await page.FillAsync("#profile-city", "Oakland");
        await page.FillAsync("#profile-phone", "12345");
        await page.ClickAsync("#profile-save");

        var phoneField = page.Locator(".mud-input-control", new() { Has = page.Locator("#profile-phone") });
        await Assertions.Expect(phoneField).ToContainTextAsync("not a valid phone number");
        Assert.Equal("San Francisco", await StoredAsync(id, c => c.City));
        Assert.Equal("+14155550100", await StoredAsync(id, c => c.Phone));
        await Assertions.Expect(page.Locator("#recent-changes-empty")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Markup_typed_into_a_field_is_shown_as_text()
    {
        var (page, id) = await SignedInCustomerAsync("markup");
        const string markup = "<b id=\"injected\">Bold</b><img src=x onerror=alert(1)>";

        await page.FillAsync("#profile-company", markup);
        await SaveAsync(page);

        var row = page.Locator("#recent-changes tr", new() { HasText = "Company" });
        await Assertions.Expect(row).ToContainTextAsync(markup);
        Assert.Equal(0, await page.Locator("#injected").CountAsync());
        Assert.Equal(markup, await StoredAsync(id, c => c.Company));
    }

    [Fact]
    public async Task A_save_from_a_tab_with_older_data_is_told_so_and_overwrites_nothing()
    {
        var (first, id) = await SignedInCustomerAsync("twotabs");
        var second = await first.Context.NewPageAsync();
        await second.GotoAsync("/profile");
        await second.WaitForInteractiveAsync();

        await first.FillAsync("#profile-city", "Oakland");
        await SaveAsync(first);
        await second.FillAsync("#profile-city", "Berkeley");
        await second.ClickAsync("#profile-save");

        await Assertions.Expect(second.Locator("#profile-conflict")).ToBeVisibleAsync();
        Assert.Equal("Oakland", await StoredAsync(id, c => c.City));

        await second.ClickAsync("#profile-reload");
        await Assertions.Expect(second.Locator("#profile-city")).ToHaveValueAsync("Oakland");
        await Assertions.Expect(second.Locator("#profile-conflict")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Changing_the_email_needs_the_password_and_takes_effect_from_the_new_mailbox()
    {
        var (page, id) = await SignedInCustomerAsync("mover");
        await using var db = app.CreateDbContext();
        var oldEmail = (await db.Users.SingleAsync(u => u.Id == id)).Email!;
        var newEmail = $"moved-{Guid.NewGuid():N}@example.net";

        await page.FillAsync("#email-new", newEmail);
        await page.FillAsync("#email-password", "not my password at all");
        await page.ClickAsync("#email-change-submit");
        await Assertions.Expect(page.Locator(".mud-input-control", new() { Has = page.Locator("#email-password") }))
            .ToContainTextAsync("password is not correct");

        await page.FillAsync("#email-password", TestCustomers.Password);
        await page.ClickAsync("#email-change-submit");
        await Assertions.Expect(page.Locator("#email-change-sent")).ToBeVisibleAsync();

        await app.Mailbox.WaitForAsync(oldEmail, "Your email address is being changed");
        var confirmation = await app.Mailbox.WaitForAsync(newEmail, "Confirm your new email address");
        Assert.Equal(oldEmail, await EmailAsync(id));

        await page.GotoAsync(Mailbox.FirstLink(confirmation).ToString());
        Assert.Equal(newEmail, await EmailAsync(id));
        await page.GotoAsync("/profile");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("#profile-current-email")).ToHaveTextAsync(newEmail);
        await Assertions.Expect(page.Locator("#recent-changes tr", new() { HasText = "Email address" })).ToContainTextAsync(newEmail);
    }

    private async Task<string?> EmailAsync(string userId)
    {
        await using var db = app.CreateDbContext();
        return (await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId)).Email;
    }

    [Fact]
    public async Task A_customer_sees_their_own_data_and_never_another_customers()
    {
        var other = await app.Customers.NewAsync("Orla Otherwise", with: c => (c.Street, c.Phone) = ("1200 Market Street", "+14155550142"));
        await MessageAsync(other.Id, "Orla's invoice is ready");
        var (page, id) = await SignedInCustomerAsync("Nina", c => (c.Street, c.Phone) = ("77 Own Road", "+14155550177"));
        await MessageAsync(id, "Nina's invoice is ready");
        string number;
        await using (var db = app.CreateDbContext())
        {
            number = (await db.Customers.SingleAsync(c => c.Id == id)).CustomerNumber;
        }

        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Welcome, Nina Tester");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync(number);
        await AssertNothingOfAsync(page, other);

        await page.GotoAsync("/profile");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("#profile-street")).ToHaveValueAsync("77 Own Road");
        await Assertions.Expect(page.Locator("#profile-phone")).ToHaveValueAsync(new Regex("555.?0177"));
        await AssertNothingOfAsync(page, other);

        await page.GotoAsync("/messages");
        await Assertions.Expect(page.Locator("#messages")).ToContainTextAsync("Nina's invoice is ready");
        await AssertNothingOfAsync(page, other);
        Assert.DoesNotContain("Orla's invoice", await page.InnerTextAsync("body"));
    }

    /// <summary>Nothing of <paramref name="other"/>'s shows on the page, in its text or in its fields.</summary>
    private static async Task AssertNothingOfAsync(IPage page, TestCustomer other)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var shown = await page.InnerTextAsync("body") + string.Join("\n",
            await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('input, textarea')].map(e => e.value)"));
        foreach (var theirs in new[] { other.FullName, other.Email, other.CustomerNumber, "1200 Market Street", "555-0142", "5550142" })
        {
            Assert.DoesNotContain(theirs, shown);
        }
    }

    /// <summary>An email the panel sent the customer about their account, as their messages page lists it.</summary>
    private async Task MessageAsync(string customerId, string subject)
    {
        await using var db = app.CreateDbContext();
        var to = (await db.Users.SingleAsync(u => u.Id == customerId)).Email!;
        db.OutboxMessages.Add(new OutboxMessage
        {
            RecipientUserId = customerId, ToAddress = to, Subject = subject, Category = MessageCategory.Essential,
            PanelText = $"{subject}.", CreatedAt = DateTime.UtcNow, Status = OutboxStatus.Sent, SentAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
    }
}

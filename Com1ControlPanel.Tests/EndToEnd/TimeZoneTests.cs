using System.Globalization;
using Com1ControlPanel.Features.Support;
using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.EndToEnd;

/// <summary>Times on pages are in the browser's own time zone and name it; each test signs in as a customer of its own.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class TimeZoneTests(BrowserApp app, DebianChromium chromium)
{
    [Theory]
    [InlineData("America/New_York", "light", null)]
    [InlineData("Europe/Berlin", "dark", 375)]
    public async Task The_sign_in_history_shows_each_sign_in_in_the_browsers_zone_with_the_zone_named(string zoneId, string theme, int? width)
    {
        var customer = await app.Customers.NewAsync("Zone Tester");
        var page = await chromium.NewPageAsync(app.BaseAddress, theme, width, zoneId);
        await page.SignInAsync(customer.Email);
        await page.GotoAsync("/access");
        await page.WaitForInteractiveAsync();

        await using var db = app.CreateDbContext();
        var signedInAt = await db.SignInRecords.Where(r => r.UserId == customer.Id).Select(r => r.At).SingleAsync();
        await Assertions.Expect(page.Locator("#sign-ins tbody tr").First).ToContainTextAsync(Shown(signedInAt, zoneId));
        await page.ScreenshotForReviewAsync($"access-sign-ins-{zoneId.Replace('/', '-')}-{theme}");
    }

    [Fact]
    public async Task Mail_written_while_the_customer_is_away_uses_the_zone_their_browser_last_reported()
    {
        // A US customer: the country alone does not tell the zone; the browser does.
        var customer = await app.Customers.NewAsync("Away Tester");
        var page = await chromium.NewPageAsync(app.BaseAddress, timeZone: "Asia/Tokyo");
        await page.SignInAsync(customer.Email);
        await page.GotoAsync("/profile");
        await page.Context.CloseAsync();

        var agent = await app.Staff.NewAgentAsync();
        using var asAgent = app.As(Principals.Agent(agent.Id, agent.Name));
        await asAgent.Get<SupportSessions>().StartAsync(new SupportStartForm
        {
            CustomerId = customer.Id, Reason = SupportReason.CustomerInitiated, Ticket = "T-9", Note = "Check the address", Minutes = 15,
        });

        await using var db = app.CreateDbContext();
        var startedAt = await db.SupportSessions.Where(s => s.CustomerId == customer.Id).Select(s => s.StartedAt).SingleAsync();
        var inTokyo = TimeZoneInfo.ConvertTimeFromUtc(startedAt, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        var expected = $"at {inTokyo:HH:mm} UTC+9";
        Assert.Contains(expected, (await db.Notifications.SingleAsync(n => n.UserId == customer.Id && n.Link == "access")).Text);
        Assert.Contains(expected, (await db.OutboxMessages.SingleAsync(m => m.RecipientUserId == customer.Id)).TextBody);
    }

    /// <summary>The text a person in the zone should read: their local day and time, then the offset from UTC.</summary>
    private static string Shown(DateTime utc, string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, zone);
        var offset = zone.GetUtcOffset(utc);
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var minutes = offset.Minutes == 0 ? "" : $":{Math.Abs(offset.Minutes):00}";
        return local.ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture) + $" UTC{sign}{Math.Abs(offset.Hours)}{minutes}";
    }
}

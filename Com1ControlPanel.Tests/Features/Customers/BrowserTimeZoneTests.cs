namespace Com1ControlPanel.Tests.Features.Customers;

/// <summary>
/// The time zone a customer's browser reports is noted for the emails written while they are away, and nobody else's
/// browser or a made-up zone changes it. Each test has a customer of its own.
/// </summary>
public sealed class BrowserTimeZoneTests(SupportApp app) : IClassFixture<SupportApp>
{
    /// <summary>A page load as the panel's script leaves the browser: the zone in the com1-tz cookie.</summary>
    private static async Task LoadPageAsync(HttpClient browser, string zone)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Accept", "text/html");
        request.Headers.Add("Cookie", $"com1-tz={Uri.EscapeDataString(zone)}");
        using var response = await browser.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    private async Task<string?> NotedZoneAsync(string customerId)
    {
        await using var db = app.CreateDbContext();
        return await db.Customers.Where(c => c.Id == customerId).Select(c => c.TimeZone).SingleAsync();
    }

    [Fact]
    public async Task The_customers_own_browser_zone_is_noted_and_follows_them_when_they_travel()
    {
        var customer = await app.Customers.NewAsync("Tia Traveller");
        using var browser = await app.Client().SignedInAsync(customer.Email);

        await LoadPageAsync(browser, "Europe/Berlin");
        Assert.Equal("Europe/Berlin", await NotedZoneAsync(customer.Id));

        await LoadPageAsync(browser, "Asia/Tokyo");
        Assert.Equal("Asia/Tokyo", await NotedZoneAsync(customer.Id));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("'; DROP TABLE Customers; --")]
    public async Task A_zone_this_server_does_not_know_is_not_noted(string zone)
    {
        var customer = await app.Customers.NewAsync("Una Known");
        using var browser = await app.Client().SignedInAsync(customer.Email);

        await LoadPageAsync(browser, zone);

        Assert.Null(await NotedZoneAsync(customer.Id));
    }

    [Fact]
    public async Task The_agents_browser_in_a_support_session_does_not_change_the_customers_zone()
    {
        var customer = await app.Customers.NewAsync("Ada Athome");
        using (var own = await app.Client().SignedInAsync(customer.Email))
        {
            await LoadPageAsync(own, "America/Chicago");
        }
        var session = await app.StartSupportSessionAsync(customer: customer);

        await LoadPageAsync(session.AgentBrowser, "Asia/Kolkata");

        Assert.Equal("America/Chicago", await NotedZoneAsync(customer.Id));
    }
}

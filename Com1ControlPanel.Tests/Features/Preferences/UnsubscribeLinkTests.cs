using System.Net;
using System.Net.Http.Headers;
using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Infrastructure.Auditing;

namespace Com1ControlPanel.Tests.Features.Preferences;

/// <summary>The unsubscribe link of a marketing email, through HTTP, as mail providers and people use it.</summary>
public sealed class UnsubscribeLinkTests(PanelApp app) : IClassFixture<PanelApp>
{
    private static readonly ConsentKey ProductsByEmail = new(MarketingPurpose.ComProducts, ContactChannel.Email);

    /// <summary>A fresh US customer: every switch on, as registration leaves it.</summary>
    private async Task<string> NewCustomerAsync() => (await app.Customers.NewAsync("Una Subscriber")).Id;

    private string TokenFor(string customerId, ConsentKey key, Guid? messageId = null) =>
        app.Services.GetRequiredService<UnsubscribeLinks>().TokenFor(new(messageId ?? Guid.NewGuid(), customerId, key));

    /// <summary>What a mail provider sends (RFC 8058): a form body, no cookies, no browser.</summary>
    private static async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> OneClickAsync(
        HttpClient client, string token)
    {
        using var body = new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" });
        var response = await client.PostAsync($"/unsubscribe/{token}", body);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    private async Task<Dictionary<ConsentKey, bool>> SwitchesAsync(string customerId)
    {
        await using var db = app.CreateDbContext();
        return await db.ConsentStates.AsNoTracking().Where(s => s.CustomerId == customerId)
            .ToDictionaryAsync(s => new ConsentKey(s.Purpose, s.Channel), s => s.Granted);
    }

    private async Task<List<ConsentRecord>> RecordsAsync(string? customerId = null)
    {
        await using var db = app.CreateDbContext();
        return await db.ConsentRecords.AsNoTracking().Where(r => customerId == null || r.CustomerId == customerId)
            .OrderBy(r => r.Id).ToListAsync();
    }

    private async Task<int> RedemptionsAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.UnsubscribeRedemptions.CountAsync();
    }

    [Fact]
    public async Task A_one_click_post_without_any_cookie_turns_off_exactly_the_switch_of_the_link()
    {
        var customerId = await NewCustomerAsync();
        var before = await SwitchesAsync(customerId);
        var recordsBefore = await RecordsAsync(customerId);
        using var client = app.Client();

        var (status, body, response) = await OneClickAsync(client, TokenFor(customerId, ProductsByEmail));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"unsubscribed from: {ProductsByEmail.Label}", body);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        var after = await SwitchesAsync(customerId);
        Assert.True(before[ProductsByEmail]);
        Assert.False(after[ProductsByEmail]);
        Assert.Equal(before.Where(s => s.Key != ProductsByEmail), after.Where(s => s.Key != ProductsByEmail));
        var added = Assert.Single((await RecordsAsync(customerId)).Skip(recordsBefore.Count));
        Assert.Equal((MarketingPurpose.ComProducts, ContactChannel.Email), (added.Purpose, added.Channel));
        Assert.Equal((true, false), (added.OldGranted, added.NewGranted));
        Assert.Equal(ChangeSource.UnsubscribeLink, added.Source);
        Assert.Equal(customerId, added.ActorUserId);
        Assert.Equal("Una Subscriber", added.ActorName);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("CfDJ8ForgedButPlausibleLookingBase64UrlTokenAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_forged_token_is_refused_and_changes_nothing(string forged)
    {
        var customerId = await NewCustomerAsync();
        var switches = await SwitchesAsync(customerId);
        var records = (await RecordsAsync()).Count;
        var redemptions = await RedemptionsAsync();
        using var client = app.Client();

        var (status, body, _) = await OneClickAsync(client, forged);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(UnsubscribeEndpoints.InvalidText, body);
        Assert.Equal(records, (await RecordsAsync()).Count);
        Assert.Equal(redemptions, await RedemptionsAsync());
        Assert.Equal(switches, await SwitchesAsync(customerId));
    }

    [Fact]
    public async Task A_token_with_one_character_changed_is_refused_and_changes_nothing()
    {
        var customerId = await NewCustomerAsync();
        var token = TokenFor(customerId, ProductsByEmail);
        // A middle character: the last one of base64 can carry only padding bits, and changing those changes no byte.
        var middle = token.Length / 2;
        var altered = string.Concat(token[..middle], token[middle] == 'A' ? "B" : "A", token[(middle + 1)..]);
        var records = (await RecordsAsync()).Count;
        using var client = app.Client();

        var (status, body, _) = await OneClickAsync(client, altered);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(UnsubscribeEndpoints.InvalidText, body);
        Assert.Equal(records, (await RecordsAsync()).Count);
        Assert.True((await SwitchesAsync(customerId))[ProductsByEmail]);
    }

    [Fact]
    public async Task A_link_for_a_customer_who_no_longer_exists_is_refused()
    {
        var records = (await RecordsAsync()).Count;
        using var client = app.Client();

        var (status, _, _) = await OneClickAsync(client, TokenFor("gone-customer-id", ProductsByEmail));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(records, (await RecordsAsync()).Count);
    }

    [Fact]
    public async Task A_replayed_post_changes_nothing_even_after_the_customer_turned_the_switch_back_on()
    {
        var customerId = await NewCustomerAsync();
        var token = TokenFor(customerId, ProductsByEmail);
        using var client = app.Client();
        Assert.Equal(HttpStatusCode.OK, (await OneClickAsync(client, token)).Status);
        // The customer changes their mind in the panel; an old copy of the request must not undo that.
        using (var customer = app.As(Principals.Customer(customerId, "Una Subscriber")))
        {
            await customer.Get<ConsentService>().SetAsync(ProductsByEmail, true);
        }
        var records = (await RecordsAsync()).Count;

        var (status, body, _) = await OneClickAsync(client, token);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("already been used", body);
        Assert.Equal(records, (await RecordsAsync()).Count);
        Assert.True((await SwitchesAsync(customerId))[ProductsByEmail]);
    }

    [Fact]
    public async Task A_link_whose_switch_is_already_off_still_says_unsubscribed_and_records_nothing_new()
    {
        var customerId = await NewCustomerAsync();
        using var client = app.Client();
        Assert.Equal(HttpStatusCode.OK, (await OneClickAsync(client, TokenFor(customerId, ProductsByEmail))).Status);
        var records = (await RecordsAsync()).Count;
        var redemptions = await RedemptionsAsync();

        var (status, body, _) = await OneClickAsync(client, TokenFor(customerId, ProductsByEmail));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("You are unsubscribed", body);
        Assert.Equal(records, (await RecordsAsync()).Count);
        Assert.Equal(redemptions + 1, await RedemptionsAsync());
    }

    [Fact]
    public async Task Opening_the_link_shows_the_confirmation_page_and_changes_nothing()
    {
        var customerId = await NewCustomerAsync();
        var token = TokenFor(customerId, ProductsByEmail);
        var records = (await RecordsAsync()).Count;
        using var client = app.Client();

        // Twice, as a mail scanner and then the customer would.
        using var scanned = await client.GetAsync($"/unsubscribe/{token}");
        using var page = await client.GetAsync($"/unsubscribe/{token}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains(ProductsByEmail.Label, html);
        Assert.Contains($"action=\"unsubscribe/{token}\"", html);
        Assert.Contains("id=\"unsubscribe-confirm\"", html);
        Assert.Equal(records, (await RecordsAsync()).Count);
        Assert.Equal(0, await RedemptionsForAsync(customerId));
        Assert.True((await SwitchesAsync(customerId))[ProductsByEmail]);
    }

    [Fact]
    public async Task Opening_a_changed_link_says_it_is_not_valid_and_offers_no_button()
    {
        using var client = app.Client();

        using var page = await client.GetAsync("/unsubscribe/not-a-token");

        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("This unsubscribe link is not valid or was changed. Nothing was changed.", html);
        Assert.DoesNotContain("id=\"unsubscribe-confirm\"", html);
        Assert.Contains("href=\"preferences\"", html);
    }

    [Fact]
    public async Task The_button_of_the_page_unsubscribes_and_leads_to_a_result_page()
    {
        var customerId = await NewCustomerAsync();
        using var client = app.Client();
        using var post = new HttpRequestMessage(HttpMethod.Post, $"/unsubscribe/{TokenFor(customerId, ProductsByEmail)}")
        {
            Content = new FormUrlEncodedContent([]),
        };
        post.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        using var pressed = await client.SendAsync(post);

        Assert.Equal(HttpStatusCode.SeeOther, pressed.StatusCode);
        var result = pressed.Headers.Location!.ToString();
        Assert.StartsWith("/unsubscribe/done?result=unsubscribed", result);
        Assert.False((await SwitchesAsync(customerId))[ProductsByEmail]);
        var html = await client.GetStringAsync(result);
        Assert.Contains("You&#x27;re unsubscribed", html);
        Assert.Contains(ProductsByEmail.Label, html);
        Assert.Contains("Essential notices about your account keep coming", html);
        Assert.Contains("href=\"preferences\"", html);
    }

    [Fact]
    public async Task A_link_for_one_customer_never_touches_another_customers_switches()
    {
        var ana = await NewCustomerAsync();
        var ben = await app.Customers.NewAsync("Ben Bystander");
        var bensSwitches = await SwitchesAsync(ben.Id);
        var bensRecords = (await RecordsAsync(ben.Id)).Count;
        // Ben, signed in, uses a link that was sent to Ana: the link still speaks for Ana only.
        using var client = await app.Client().SignedInAsync(ben.Email);

        var (status, _, _) = await OneClickAsync(client, TokenFor(ana, ProductsByEmail));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(bensSwitches, await SwitchesAsync(ben.Id));
        Assert.Equal(bensRecords, (await RecordsAsync(ben.Id)).Count);
        Assert.False((await SwitchesAsync(ana))[ProductsByEmail]);
        Assert.Equal(ana, (await RecordsAsync(ana))[^1].ActorUserId);
    }

    private async Task<int> RedemptionsForAsync(string customerId)
    {
        await using var db = app.CreateDbContext();
        return await db.UnsubscribeRedemptions.CountAsync(r => r.CustomerId == customerId);
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Billing;
using Com1ControlPanel.Features.Billing.Gateway;
using Com1ControlPanel.Features.Billing.Gateway.Embedded;
using Com1ControlPanel.Features.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Com1ControlPanel.Tests.Features.Billing;

/// <summary>/billing and the embedded gateway's form over HTTP, as browsers and hand-made requests reach them.</summary>
public sealed partial class BillingHttpTests(SupportApp app) : IClassFixture<SupportApp>
{
    private async Task<(HttpClient Client, string CustomerId)> CustomerAsync(string name)
    {
        var customer = await app.Customers.NewAsync("Cara Card");
        return (await app.Client().SignedInAsync(customer.Email), customer.Id);
    }

    private async Task<string> EntryAsync(string customerId)
    {
        var gateway = app.Services.GetRequiredService<EmbeddedGateway>();
        var entry = (CardEntryStart.EmbeddedForm)await gateway.BeginCardEntryAsync(new CardHolder(customerId, "Cara", "c@example.com"), default);
        return entry.FormUrl;
    }

    private static Task<HttpResponseMessage> PostCardAsync(HttpClient client, string formUrl, string number, string expiry = "08/29",
        string code = "123") =>
        client.PostAsync(EmbeddedGateway.FormPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["entry"] = formUrl.Split("entry=")[1], ["number"] = number, ["name"] = "Cara Card", ["expiry"] = expiry, ["code"] = code,
        }));

    [Fact]
    public async Task The_billing_page_refuses_every_frame_and_the_gateway_form_all_but_the_panels()
    {
        var (client, customerId) = await CustomerAsync("frames");

        using var page = await client.GetAsync("/billing");
        using var form = await client.GetAsync(await EntryAsync(customerId));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var formPolicy = form.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'self'", formPolicy);
        Assert.Contains("default-src 'none'", formPolicy);
        Assert.Equal("SAMEORIGIN", form.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-store", form.Headers.CacheControl?.ToString());
        var html = await form.Content.ReadAsStringAsync();
        Assert.Contains("<label for=\"number\">Card number</label>", html);
        Assert.Contains("autocomplete=\"cc-number\"", html);
    }

    [Theory]
    [InlineData("4242 4242 4242 4241", "08/29", "123", "number", "not valid")]
    [InlineData("4000 0000 0000 0002", "08/29", "123", "number", "declined")]
    [InlineData("4242 4242 4242 4242", "01/20", "123", "expiry", "has expired")]
    [InlineData("4242 4242 4242 4242", "08/29", "12", "code", "3-digit security code")]
    public async Task Bad_card_data_is_explained_at_its_field_in_the_gateway_form_and_nothing_is_stored(
        string number, string expiry, string code, string field, string message)
    {
        var (client, customerId) = await CustomerAsync("badcard");

        using var response = await PostCardAsync(client, await EntryAsync(customerId), number, expiry, code);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches($"<input id=\"{field}\"[^>]*aria-invalid=\"true\" aria-describedby=\"{field}-error\"", html);
        Assert.Matches($"<p class=\"error\" id=\"{field}-error\">[^<]*{message}", html);
        // The number and code are never written back into the page (the help text names the test cards, not the input).
        Assert.DoesNotMatch("<input id=\"number\"[^>]*value=", html);
        Assert.DoesNotMatch("<input id=\"code\"[^>]*value=", html);
        Assert.DoesNotContain(number.Replace(" ", ""), html);
        Assert.Null(await app.StoredCardAsync(customerId));
    }

    [Fact]
    public async Task An_accepted_card_answers_with_a_token_for_the_panels_own_origin_and_nothing_of_the_card()
    {
        var (client, customerId) = await CustomerAsync("goodcard");

        using var response = await PostCardAsync(client, await EntryAsync(customerId), "4242 4242 4242 4242");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches("data-token=\"tok_emb_[0-9a-f]{32}\"", html);
        Assert.Contains("postMessage({type:'com1-card-token',token:p.dataset.token},window.location.origin)", html);
        Assert.DoesNotContain("'*'", html);
        Assert.DoesNotContain("4242", html);
        // Nothing is on file until the panel's own server redeems the token for the signed-in customer.
        Assert.Null(await app.StoredCardAsync(customerId));
    }

    [Fact]
    public async Task A_form_whose_entry_is_unknown_or_used_takes_no_card()
    {
        var (client, customerId) = await CustomerAsync("closed");
        var formUrl = await EntryAsync(customerId);
        (await PostCardAsync(client, formUrl, "4242 4242 4242 4242")).Dispose();

        using var again = await PostCardAsync(client, formUrl, "5555 5555 5555 4444");
        using var forged = await client.GetAsync($"{EmbeddedGateway.FormPath}?entry=entry_emb_forged");

        Assert.Contains("This card form has closed", await again.Content.ReadAsStringAsync());
        Assert.DoesNotContain("data-token", await again.Content.ReadAsStringAsync());
        Assert.Contains("This card form has closed", await forged.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Support_in_a_session_sees_the_masked_card_and_is_refused_the_card_form()
    {
        var session = await app.StartSupportSessionAsync();
        await app.PutCardAsync(session.Customer.Id);
        var formUrl = await EntryAsync(session.Customer.Id);

        using var page = await session.AgentBrowser.GetAsync("/billing");
        using var form = await session.AgentBrowser.GetAsync(formUrl);
        using var post = await PostCardAsync(session.AgentBrowser, formUrl, "5555 5555 5555 4444");

        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("•••• 4242", html);
        Assert.Contains("only the customer can add, replace or", html);
        Assert.DoesNotContain("id=\"card-add\"", html);
        Assert.DoesNotContain("id=\"card-remove\"", html);
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        Assert.Equal(SupportSessionGuard.NotAllowedPath, form.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal("4242", (await app.StoredCardAsync(session.Customer.Id))!.Last4);
    }

    [Fact]
    public async Task The_panel_allows_no_other_sites_scripts_or_frames_while_the_embedded_gateway_takes_cards()
    {
        var (client, _) = await CustomerAsync("csp");

        using var page = await client.GetAsync("/billing");

        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.DoesNotContain("stripe", policy);
        Assert.Matches(FrameSource(), policy);
    }

    [Fact]
    public void The_embedded_gateway_refuses_to_start_in_production()
    {
        using var production = PanelApp.With(new AppOptions { Environment = "Production" });

        var refusal = Assert.Throws<InvalidOperationException>(() => production.Client());

        Assert.Contains("embedded test payment gateway does not run in Production", refusal.Message);
    }

    [Fact]
    public async Task The_personal_data_download_holds_the_masked_card_and_the_billing_address()
    {
        var customer = await app.Customers.NewAsync("Dana Download");
        await app.PutCardAsync(customer.Id);
        var client = await app.Client().SignedInAsync(customer.Email);
        var page = await client.GetStringAsync("/Account/Manage/PersonalData");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;

        using var download = await client.PostAsync("/Account/Manage/DownloadPersonalData",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        using var json = System.Text.Json.JsonDocument.Parse(await download.Content.ReadAsStringAsync());
        var payment = json.RootElement.GetProperty("paymentCard");
        var card = payment.GetProperty("card");
        Assert.Equal(("Visa", "4242"), (card.GetProperty("brand").GetString(), card.GetProperty("last4").GetString()));
        Assert.True(payment.GetProperty("billingAddress").GetProperty("sameAsPostal").GetBoolean());
    }

    [GeneratedRegex("frame-src 'self';")]
    private static partial Regex FrameSource();
}

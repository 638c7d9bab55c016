using System.Net;
using System.Text.Json;
using Com1ControlPanel.Features.Domains;
using Com1ControlPanel.Features.Domains.Rdap;

namespace Com1ControlPanel.Tests.Features.Domains;

/// <summary>
/// GET /rdap/domain/{name} as anyone on the internet reaches it: RFC 9083's JSON with RFC 9537's redaction, built from the
/// same rule as the page and never with a withheld personal detail.
/// </summary>
public sealed class RdapTests(PanelApp app) : IClassFixture<PanelApp>
{
    // Paula's details as DomainSteps.Person gives them, and the forms they could take in JSON.
    private static readonly string[] PersonalData =
        ["Paula Private", "paula.private@example.net", "+14155550177", "4155550177", "77 Hidden Lane", "Secretville", "94999"];

    private async Task<(TestCustomer Customer, Domain Domain)> DomainAsync(string name, bool publish = false)
    {
        var customer = await app.Customers.NewAsync("Paula Private");
        return (customer, await app.DomainAsync(customer.Id, name, publish: publish));
    }

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)] + ".example";

    private Task<(HttpResponseMessage Response, string Body, JsonElement Json)> LookUpAsync(string name) => app.RdapLookUpAsync(name);

    [Fact]
    public async Task Anyone_gets_the_rfc_9083_domain_object_with_its_required_members()
    {
        var name = Unique("pies");
        var (_, domain) = await DomainAsync(name);

        var (response, _, json) = await LookUpAsync(name);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/rdap+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal(["rdap_level_0", "redacted"], json.GetProperty("rdapConformance").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("domain", json.GetProperty("objectClassName").GetString());
        Assert.Equal(name, json.GetProperty("ldhName").GetString());
        Assert.False(json.TryGetProperty("unicodeName", out _));
        Assert.Equal(["client transfer prohibited"], json.GetProperty("status").EnumerateArray().Select(e => e.GetString()));
        var events = json.GetProperty("events").EnumerateArray()
            .ToDictionary(e => e.GetProperty("eventAction").GetString()!, e => e.GetProperty("eventDate").GetString());
        Assert.Equal("2020-02-29T00:00:00Z", events["registration"]);
        Assert.Equal("2027-02-28T00:00:00Z", events["expiration"]);
        Assert.Contains("last changed", events.Keys);
        Assert.Equal(["ns1.com1.example", "ns2.com1.example"],
            json.GetProperty("nameservers").EnumerateArray().Select(n => n.GetProperty("ldhName").GetString()));
        Assert.All(json.GetProperty("nameservers").EnumerateArray(), n => Assert.Equal("nameserver", n.GetProperty("objectClassName").GetString()));
        var roles = json.GetProperty("entities").EnumerateArray().Select(e => e.GetProperty("roles")[0].GetString()).ToList();
        Assert.Equal(["registrar", "registrant", "administrative", "technical"], roles);
        Assert.All(json.GetProperty("entities").EnumerateArray(), e =>
        {
            Assert.Equal("entity", e.GetProperty("objectClassName").GetString());
            Assert.Equal("vcard", e.GetProperty("vcardArray")[0].GetString());
            Assert.Equal("version", e.GetProperty("vcardArray")[1][0][0].GetString());
        });
        Assert.Contains(json.GetProperty("links").EnumerateArray(), l => l.GetProperty("rel").GetString() == "self"
            && l.GetProperty("href").GetString()!.EndsWith($"/rdap/domain/{name}", StringComparison.Ordinal));
        Assert.Contains(json.GetProperty("notices").EnumerateArray(), n => n.GetProperty("title").GetString() == "Terms of Use");
        Assert.Equal($"D{domain.Id}-COM1", json.GetProperty("handle").GetString());
    }

    [Fact]
    public async Task A_natural_persons_withheld_details_appear_nowhere_in_the_answer_and_each_is_named_as_redacted()
    {
        var name = Unique("secret");
        await DomainAsync(name);

        var (_, body, json) = await LookUpAsync(name);

        foreach (var personal in PersonalData)
        {
            Assert.DoesNotContain(personal, body);
        }
        var registrant = json.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("roles")[0].GetString() == "registrant");
        var card = registrant.GetProperty("vcardArray")[1].EnumerateArray().ToList();
        Assert.Equal("", card.Single(p => p[0].GetString() == "fn")[3].GetString());
        Assert.Equal("Private Pies", card.Single(p => p[0].GetString() == "org")[3].GetString());
        var address = card.Single(p => p[0].GetString() == "adr");
        Assert.Equal(["", "", "", "", "CA", "", "United States"], address[3].EnumerateArray().Select(a => a.GetString()));
        Assert.DoesNotContain(card, p => p[0].GetString() is "email" or "tel");
        var redacted = json.GetProperty("redacted").EnumerateArray().ToList();
        var names = redacted.Select(r => r.GetProperty("name").TryGetProperty("type", out var t) ? t.GetString() : r.GetProperty("name").GetProperty("description").GetString()).ToList();
        Assert.Contains("Registrant Name", names);
        Assert.Contains("Registrant Email", names);
        Assert.Contains("Registrant Phone", names);
        Assert.Contains("Registrant Street", names);
        Assert.Contains("Billing Contact", names);
        Assert.All(redacted, r =>
        {
            Assert.Contains(r.GetProperty("method").GetString(), new[] { "removal", "emptyValue" });
            Assert.True(r.TryGetProperty(r.GetProperty("method").GetString() == "removal" ? "prePath" : "postPath", out _));
            Assert.Equal("jsonpath", r.GetProperty("pathLang").GetString());
        });
    }

    [Fact]
    public async Task After_the_customer_publishes_their_details_appear_and_nothing_is_marked_redacted_but_billing()
    {
        var name = Unique("open");
        var (customer, domain) = await DomainAsync(name);
        Assert.IsType<PublicationResult.Saved>(await app.DomainsAs(customer.Principal).SetPublicationAsync(domain.Id, true, domain.Version));

        var (_, body, json) = await LookUpAsync(name);

        foreach (var personal in new[] { "Paula Private", "paula.private@example.net", "tel:+14155550177", "77 Hidden Lane", "Secretville", "94999" })
        {
            Assert.Contains(personal, body);
        }
        Assert.Equal(["Billing Contact"], json.GetProperty("redacted").EnumerateArray()
            .Select(r => r.GetProperty("name").GetProperty("description").GetString()));
        Assert.DoesNotContain(json.GetProperty("entities").EnumerateArray(), e => e.GetProperty("roles")[0].GetString() == "billing");
    }

    [Theory]
    [InlineData("{0}")]
    [InlineData("{0}.")]
    [InlineData("UPPER")]
    public async Task A_name_in_any_letter_case_or_with_the_roots_dot_finds_the_domain(string form)
    {
        var name = Unique("case");
        await DomainAsync(name);

        var (response, _, json) = await LookUpAsync(form == "UPPER" ? name.ToUpperInvariant() : string.Format(form, name));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(name, json.GetProperty("ldhName").GetString());
    }

    [Fact]
    public async Task An_internationalised_name_is_found_in_either_form_and_answers_with_both()
    {
        var unicode = $"bäckerei-{Guid.NewGuid():N}"[..17] + ".example";
        await DomainAsync(unicode);
        DomainName.TryParse(unicode, out var name, out _);

        var (byUnicode, _, json) = await LookUpAsync(Uri.EscapeDataString(unicode));
        var (byAscii, _, _) = await LookUpAsync(name!.Ascii);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (byUnicode.StatusCode, byAscii.StatusCode));
        Assert.Equal(name.Ascii, json.GetProperty("ldhName").GetString());
        Assert.Equal(unicode, json.GetProperty("unicodeName").GetString());
    }

    [Fact]
    public async Task Alices_demo_domain_answers_with_com_1_as_technical_contact_and_her_details_withheld()
    {
        var (response, body, json) = await LookUpAsync("morgandaughters.example");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Alice Morgan", body);
        Assert.DoesNotContain("alice@example.com", body);
        var technical = json.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("roles")[0].GetString() == "technical");
        Assert.Contains("Com 1 Communications", technical.GetRawText());
    }

    [Fact]
    public async Task Someone_elses_domain_page_is_not_found_for_a_signed_in_customer()
    {
        var (_, domain) = await DomainAsync(Unique("mine"));
        var stranger = await app.Customers.NewAsync("Sam Stranger");
        var client = await app.Client().SignedInAsync(stranger.Email);

        using var byName = await client.GetAsync($"/domains/{domain.Name}");
        using var byId = await client.GetAsync($"/domains/{domain.Id}");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (byName.StatusCode, byId.StatusCode));
        foreach (var page in new[] { await byName.Content.ReadAsStringAsync(), await byId.Content.ReadAsStringAsync() })
        {
            Assert.Contains("Page not found", page);
            Assert.DoesNotContain("Paula Private", page);
            Assert.DoesNotContain("Registration", page);
        }
    }
}

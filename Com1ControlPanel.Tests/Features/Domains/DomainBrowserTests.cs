using Com1ControlPanel.Features.Domains;
using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.Features.Domains;

/// <summary>/domains in Chromium: a customer looks at what the public sees, publishes, and sees it change; WCAG AA checks.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class DomainBrowserTests(BrowserApp app, DebianChromium chromium)
{
    /// <summary>A new customer with a domain of their own (unique in the shared app) and an internationalised one.</summary>
    private async Task<(TestCustomer Customer, string Pies, string Cafe)> CustomerWithDomainsAsync()
    {
        var customer = await app.Customers.NewAsync("Paula Private");
        var tag = Guid.NewGuid().ToString("N")[..6];
        var pies = await app.DomainAsync(customer.Id, $"private-pies-{tag}.example");
        var cafe = await app.DomainAsync(customer.Id, $"café-paula-{tag}.example", registrant: DomainSteps.Company("Paula Pies Ltd"));
        return (customer, pies.Name, cafe.Name);
    }

    private async Task<IPage> SignedInAsync(TestCustomer customer, string theme = "light", int width = 1280)
    {
        var page = await chromium.NewPageAsync(app.BaseAddress, theme, width);
        await page.SignInAsync(customer.Email);
        return page;
    }

    private static ILocator Registrant(IPage page, ContactField field) => page.Locator($"#contact-registrant [data-field={field}]");

    [Fact]
    public async Task A_customer_opens_a_domain_sees_the_public_view_publishes_and_sees_the_public_view_change()
    {
        var (customer, pies, _) = await CustomerWithDomainsAsync();
        var page = await SignedInAsync(customer);
        await page.GotoAsync("/domains");
        await page.WaitForInteractiveAsync();

        await page.GetByRole(AriaRole.Link, new() { NameString = pies }).ClickAsync();
        await page.WaitForPathAsync($"/domains/{pies}");
        await Assertions.Expect(page.Locator("#domain-name")).ToHaveTextAsync(pies);
        await Assertions.Expect(Registrant(page, ContactField.Name)).ToHaveTextAsync("Withheld");
        await Assertions.Expect(Registrant(page, ContactField.Country)).ToContainTextAsync("Public: United States");
        await Assertions.Expect(page.Locator("#contact-registrant")).ToContainTextAsync("Paula Private");

        await page.Locator("#publish-contacts").ClickAsync();
        await Assertions.Expect(page.Locator("#publish-warning")).ToContainTextAsync($"Anyone who looks up {pies}");
        await page.ScreenshotForReviewAsync("domain-publish-dialog");
        await page.ClickAsync("#publish-confirm");

        await Assertions.Expect(Registrant(page, ContactField.Name)).ToContainTextAsync("Public: Paula Private");
        await Assertions.Expect(Registrant(page, ContactField.Email)).ToContainTextAsync("Public: paula.private@example.net");
        await Assertions.Expect(page.Locator("#publication-explained")).ToContainTextAsync("Published:");
        await Assertions.Expect(page.Locator("#domain-history")).ToContainTextAsync("Contact publication");
        await Assertions.Expect(page.Locator("#domain-history")).ToContainTextAsync("You");
        await page.ScreenshotForReviewAsync("domain-published");
        Assert.True((await app.StoredDomainAsync((await app.StoredDomainIdAsync(pies)))).PublishContacts);
    }

    [Theory]
    [InlineData("light", 1280)]
    [InlineData("dark", 1280)]
    [InlineData("light", 375)]
    [InlineData("dark", 375)]
    public async Task The_domain_list_and_a_domains_page_pass_wcag_aa(string theme, int width)
    {
        var (customer, _, cafe) = await CustomerWithDomainsAsync();
        var page = await SignedInAsync(customer, theme, width);

        await page.GotoAsync("/domains");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("#domain-list")).ToContainTextAsync("(ASCII form: xn--");
        await page.ScreenshotForReviewAsync($"domains-{width}-{theme}");
        await AccessibilityChecks.AssertNoViolationsAsync(page);

        await page.GotoAsync($"/domains/{cafe}");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("#domain-ascii")).ToContainTextAsync(cafe);
        await page.ScreenshotForReviewAsync($"domain-{width}-{theme}");
        await AccessibilityChecks.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task A_customer_without_domains_reads_what_to_do_and_the_page_passes_wcag_aa_on_a_phone()
    {
        var page = await SignedInAsync(await app.Customers.NewAsync("Nora None"), "dark", 375);

        await page.GotoAsync("/domains");
        await page.WaitForInteractiveAsync();

        await Assertions.Expect(page.Locator("#domains-empty")).ToContainTextAsync("call or email Com 1 support");
        await page.ScreenshotForReviewAsync("domains-empty-375-dark");
        await AccessibilityChecks.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task The_publication_switch_works_from_the_keyboard()
    {
        var (customer, pies, _) = await CustomerWithDomainsAsync();
        var page = await SignedInAsync(customer);
        await page.GotoAsync($"/domains/{pies}");
        await page.WaitForInteractiveAsync();

        await page.Locator("#publish-contacts").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator("#publish-confirm")).ToBeVisibleAsync();
        // Focus moves into the dialog once it is set up; only then does it listen for keys.
        await Assertions.Expect(page.Locator(".mud-dialog :focus")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("Escape");

        await Assertions.Expect(page.Locator("#publish-warning")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#publish-contacts")).Not.ToBeCheckedAsync();
        await Assertions.Expect(Registrant(page, ContactField.Name)).ToHaveTextAsync("Withheld");
        Assert.False((await app.StoredDomainAsync(await app.StoredDomainIdAsync(pies))).PublishContacts);
    }

    [Fact]
    public async Task A_customers_domains_show_the_expired_one_and_an_internationalised_name_in_both_forms_with_details_withheld()
    {
        // Like alice's demo domains, on a customer of this test's own: signing in would add to a demo account's sign-ins.
        var customer = await app.Customers.NewAsync("Iris Idn");
        var tag = Guid.NewGuid().ToString("N")[..6];
        var bakery = await app.DomainAsync(customer.Id, $"iris-bakery-{tag}.example", registrant: DomainSteps.Person("Iris Idn"));
        var cafe = await app.DomainAsync(customer.Id, $"café-iris-{tag}.example", registrant: DomainSteps.Person("Iris Idn"),
            status: DomainStatus.Expired);
        var page = await SignedInAsync(customer);
        await page.GotoAsync("/domains");
        await page.WaitForInteractiveAsync();

        var list = page.Locator("#domain-list");
        await Assertions.Expect(list).ToContainTextAsync(bakery.Name);
        await Assertions.Expect(list).ToContainTextAsync($"café-iris-{tag}.example (ASCII form: {cafe.Name})");
        await Assertions.Expect(list).ToContainTextAsync("Expired");
        await page.ScreenshotForReviewAsync("domains-list");

        await page.GotoAsync($"/domains/{bakery.Name}");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("#contact-technical .contact-kind")).ToHaveTextAsync("Com 1");
        await Assertions.Expect(Registrant(page, ContactField.Name)).ToHaveTextAsync("Withheld");
        await Assertions.Expect(page.Locator("#contact-registrant")).ToContainTextAsync("Iris Idn");
        await page.ScreenshotForReviewAsync("domain-details-withheld");
    }
}

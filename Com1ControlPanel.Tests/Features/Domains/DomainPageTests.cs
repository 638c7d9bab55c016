using Bunit;
using Com1ControlPanel.Features.Domains;
using Com1ControlPanel.Features.Domains.Pages;
using Microsoft.AspNetCore.Components;

namespace Com1ControlPanel.Tests.Features.Domains;

/// <summary>/domains and a domain's page as a customer and a support agent read them.</summary>
public sealed class DomainPageTests() : ComponentTest(DomainSteps.Start)
{
    private static Dictionary<string, object?> Named(string name) => new() { [nameof(DomainPage.Name)] = name };

    [Fact]
    public async Task A_customer_without_domains_is_told_how_to_get_one()
    {
        var customer = await Kit.Customers.NewAsync("Nora None");
        SignIn(customer.Principal);

        var page = RenderPage<DomainsPage>();

        var empty = page.WaitForElement("#domains-empty").TextContent;
        Assert.Contains("No domains yet", empty);
        Assert.Contains("call or email Com 1 support", empty);
        Assert.Empty(page.FindAll("#domain-list"));
    }

    [Fact]
    public async Task The_list_shows_an_internationalised_name_in_unicode_with_its_ascii_form_beside()
    {
        var customer = await Kit.Customers.NewAsync("Paula Private");
        await Kit.DomainAsync(customer.Id, "café-paula.example");
        SignIn(customer.Principal);

        var page = RenderPage<DomainsPage>();

        var link = page.WaitForElement("#domain-list a.domain-link");
        Assert.Equal("domains/xn--caf-paula-d4a.example", link.GetAttribute("href"));
        Assert.Contains("café-paula.example", link.TextContent);
        Assert.Contains("(ASCII form: xn--caf-paula-d4a.example)", link.TextContent);
        Assert.Contains("Withheld from the public", page.Find("#domain-list").TextContent);
    }

    [Fact]
    public async Task Each_detail_is_marked_public_or_withheld_in_words_beside_the_record()
    {
        var customer = await Kit.Customers.NewAsync("Paula Private");
        await Kit.DomainAsync(customer.Id, "private-pies.example");
        SignIn(customer.Principal);

        var page = RenderPage<DomainPage>(Named("private-pies.example"));

        var registrant = page.WaitForElement("#contact-registrant");
        var name = registrant.QuerySelector("[data-field=Name]")!;
        var country = registrant.QuerySelector("[data-field=Country]")!;
        Assert.Equal(("false", "Withheld"), (name.GetAttribute("data-public"), name.TextContent.Trim()));
        Assert.Equal("true", country.GetAttribute("data-public"));
        Assert.Equal("Public: United States", string.Join(" ", country.TextContent.Split(default(char[]), StringSplitOptions.RemoveEmptyEntries)));
        Assert.Contains("Paula Private", registrant.TextContent);
        Assert.Contains("Natural person", registrant.TextContent);
        Assert.Contains("Com 1", page.Find("#contact-technical .contact-kind").TextContent);
        Assert.All(page.FindAll("#contact-technical [data-public]"), cell => Assert.Equal("true", cell.GetAttribute("data-public")));
        Assert.Contains("does not publish the Billing Contact", page.Find("#contact-billing").TextContent);
    }

    [Fact]
    public async Task Publishing_asks_first_and_keeping_them_withheld_changes_nothing()
    {
        var customer = await Kit.Customers.NewAsync("Paula Private");
        var domain = await Kit.DomainAsync(customer.Id, "private-pies.example");
        SignIn(customer.Principal);
        var page = RenderPage<DomainPage>(Named("private-pies.example"));
        page.WaitForElement("#publish-contacts");

        // The switch's handler waits for the dialog's answer, so the change completes only once the dialog is answered.
        var switching = page.Find("#publish-contacts").ChangeAsync(new ChangeEventArgs { Value = true });
        Assert.Contains("Anyone who looks up private-pies.example", page.WaitForElement("#publish-warning").TextContent);
        await page.Find("#publish-cancel").ClickAsync(new());
        await switching;

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#publish-warning")));
        Assert.False((await Kit.StoredDomainAsync(domain.Id)).PublishContacts);
        Assert.StartsWith("Withheld:", page.Find("#publication-explained").TextContent.Trim());
    }

    [Fact]
    public async Task Publishing_once_confirmed_changes_the_public_view_and_the_history()
    {
        var customer = await Kit.Customers.NewAsync("Paula Private");
        var domain = await Kit.DomainAsync(customer.Id, "private-pies.example");
        SignIn(customer.Principal);
        var page = RenderPage<DomainPage>(Named("private-pies.example"));
        page.WaitForElement("#publish-contacts");

        var switching = page.Find("#publish-contacts").ChangeAsync(new ChangeEventArgs { Value = true });
        await page.WaitForElement("#publish-confirm").ClickAsync(new());
        await switching;

        page.WaitForAssertion(() => Assert.Equal("true", page.Find("#contact-registrant [data-field=Name]").GetAttribute("data-public")));
        Assert.StartsWith("Published:", page.Find("#publication-explained").TextContent.Trim());
        Assert.Contains("Contact publication", page.Find("#domain-history").TextContent);
        Assert.True((await Kit.StoredDomainAsync(domain.Id)).PublishContacts);
    }

    [Fact]
    public async Task An_agent_in_a_session_sees_the_domain_with_the_switch_disabled_and_says_why()
    {
        var customer = await Kit.Customers.NewAsync("Paula Private");
        await Kit.DomainAsync(customer.Id, "café-paula.example");
        SignIn(await Kit.AgentActingForAsync(customer.Id, Kit.Now));

        var page = RenderPage<DomainPage>(Named("café-paula.example"));

        Assert.Equal("café-paula.example", page.WaitForElement("#domain-name").TextContent.Trim());
        Assert.Contains("xn--caf-paula-d4a.example", page.Find("#domain-ascii").TextContent);
        Assert.True(page.Find("#publish-contacts").HasAttribute("disabled"));
        Assert.Contains("Only the customer decides", page.Find("#publication-support-note").TextContent);
        Assert.Contains("ns1.com1.example", page.Find("#domain-name-servers").TextContent);
        Assert.Equal("29 February 2020", page.Find("#domain-registered").TextContent.Trim());
    }
}

using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Features.Support.Help;
using Com1ControlPanel.Infrastructure.Security;
using Com1ControlPanel.Tests.Features.Domains;
using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.EndToEnd.Pages;

/// <summary>
/// Opens a page of <see cref="PanelPages"/> as its person would: signed in as a new customer or member of staff of the
/// test's own (with the domain, help request or customer the address names), or not signed in.
/// </summary>
public sealed class PageVisitors(BrowserApp app, DebianChromium chromium)
{
    /// <summary>The page, opened in <paramref name="theme"/> and live when it has a live part, and the path it was opened at.</summary>
    public async Task<(IPage Page, string Path)> OpenAsync(PanelPage visit, string theme, int? width = null)
    {
        var page = await chromium.NewPageAsync(app.BaseAddress, theme, width);
        var customer = await SignInAsync(page, visit.Visitor);
        var address = await AddressAsync(visit.Address, customer);
        await page.GotoAsync(address);
        if (await page.Locator("[data-interactive]").CountAsync() > 0)
        {
            await page.WaitForInteractiveAsync();
        }
        return (page, new Uri(app.BaseAddress, address).AbsolutePath);
    }

    // Signs in as the visitor; returns the customer whose pages they see, when they are one.
    private async Task<TestCustomer?> SignInAsync(IPage page, Visitor visitor)
    {
        switch (visitor)
        {
            case Visitor.Anonymous:
                return null;
            case Visitor.Customer:
                var customer = await app.Customers.NewAsync("Paula Pages");
                await page.SignInAsync(customer.Email);
                return customer;
            case Visitor.Agent:
                await SignInWithCodeAsync(page, await app.Staff.NewAgentAsync(authenticator: true));
                return null;
            case Visitor.AgentInSession:
                await SignInWithCodeAsync(page, await app.Staff.NewAgentAsync(authenticator: true));
                await StartSessionAsync(page, await app.Customers.NewAsync("Sami Session"));
                return null;
            case Visitor.TwoFactorUser:
                await SignInWithCodeAsync(page, await app.Staff.NewAsync(Roles.Billing, authenticator: true));
                return null;
            case Visitor.HalfSignedIn:
                await page.SignInAsync((await app.Staff.NewAsync(Roles.Billing, authenticator: true)).Email);
                return null;
            default:
                await page.SignInAsync((await app.Staff.NewAsync(RoleOf(visitor))).Email);
                return null;
        }
    }

    private static string RoleOf(Visitor visitor) => visitor switch
    {
        Visitor.Billing => Roles.Billing,
        Visitor.Hostmaster => Roles.Hostmaster,
        Visitor.Compliance => Roles.ComplianceOfficer,
        Visitor.Admin => Roles.Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(visitor), visitor, null),
    };

    private static async Task SignInWithCodeAsync(IPage page, StaffMember staff)
    {
        await page.SignInAsync(staff.Email);
        await page.FillAsync("#two-factor-code", staff.Code());
        await page.SubmitFromAsync("#two-factor-code");
        await page.WaitForPathAsync("/");
    }

    // The console's start form, posted from the agent's browser as the form would post it.
    private static async Task StartSessionAsync(IPage page, TestCustomer customer)
    {
        var token = await page.Locator("input[name='__RequestVerificationToken']").First.GetAttributeAsync("value");
        var form = page.Context.APIRequest.CreateFormData();
        form.Set("__RequestVerificationToken", token!);
        form.Set("customerId", customer.Id);
        form.Set("reason", nameof(SupportReason.CustomerInitiated));
        form.Set("ticket", "T-PAGES");
        form.Set("note", "Look at each page with the customer");
        form.Set("minutes", "15");
        var started = await page.Context.APIRequest.PostAsync(SupportEndpoints.StartPath, new() { Form = form, MaxRedirects = 0 });
        Assert.Equal(302, started.Status);
    }

    private async Task<string> AddressAsync(string address, TestCustomer? customer)
    {
        if (address.Contains("{domain}", StringComparison.Ordinal))
        {
            var name = $"pages-{Guid.NewGuid():N}"[..16] + ".example";
            await app.DomainAsync(customer!.Id, name);
            return address.Replace("{domain}", name, StringComparison.Ordinal);
        }
        if (address.Contains("{help}", StringComparison.Ordinal))
        {
            var asked = await app.As(customer!.Principal).Get<HelpRequests>().CreateAsync(new HelpRequestForm
            {
                Subject = "Mail to my domain bounces", Description = "Since Monday every message comes back.", AccessMinutes = 15,
            });
            return address.Replace("{help}", Assert.IsType<HelpResult.Saved>(asked).Reference, StringComparison.Ordinal);
        }
        if (address.Contains("{customer}", StringComparison.Ordinal))
        {
            return address.Replace("{customer}", (await app.Customers.NewAsync("Bruno Billed")).Id, StringComparison.Ordinal);
        }
        if (address.Contains("{policy}", StringComparison.Ordinal))
        {
            await using var db = app.CreateDbContext();
            var version = await db.PolicyVersions.OrderByDescending(v => v.PublishedAt).Select(v => v.Version).FirstAsync();
            return address.Replace("{policy}", version, StringComparison.Ordinal);
        }
        if (address.Contains("{versions}", StringComparison.Ordinal))
        {
            await using var db = app.CreateDbContext();
            var versions = await db.PolicyVersions.OrderBy(v => v.EffectiveFrom).Select(v => v.Version).ToListAsync();
            return address.Replace("{versions}", $"from={versions[0]}&to={versions[^1]}", StringComparison.Ordinal);
        }
        return address;
    }
}

using System.Net;
using Com1ControlPanel.Features.BillingDesk;
using Com1ControlPanel.Infrastructure.Email;

namespace Com1ControlPanel.Tests.Features.BillingDesk;

/// <summary>
/// Billing never takes card numbers: it emails a link to the card page that works once, for 24 hours, only for the
/// customer it was sent to, after they sign in, and is stored only as a hash.
/// </summary>
public sealed class CardPageLinksTests(BillingDeskApp app) : IClassFixture<BillingDeskApp>
{
    private async Task<CardLinkResult> SendAsync(string customerId)
    {
        using var scope = app.As(BillingDeskTestData.Billing);
        return await scope.Get<CardPageLinks>().SendAsync(customerId);
    }

    private async Task<Uri> SendAndReceiveAsync(string customerId, string email)
    {
        Assert.IsType<CardLinkResult.Sent>(await SendAsync(customerId));
        return Mailbox.FirstLink(await app.Mailbox.WaitForAsync(email, "Update your payment card"));
    }

    private async Task<CardLinkUse> RedeemAsync(System.Security.Claims.ClaimsPrincipal who, Uri link)
    {
        using var scope = app.As(who);
        return await scope.Get<CardPageLinks>().RedeemAsync(link.Segments[^1]);
    }

    private Task<HttpClient> SignedInAsync(string email) => app.Client().SignedInAsync(email);

    [Fact]
    public async Task The_link_is_stored_only_as_a_hash_and_its_email_keeps_no_copy_once_delivered()
    {
        var customer = await app.Customers.NewAsync();
        var email = customer.Email;

        var link = await SendAndReceiveAsync(customer.Id, email);

        var token = link.Segments[^1];
        Assert.Equal("/billing/link/", link.AbsolutePath[..^token.Length]);
        await using var db = app.CreateDbContext();
        var stored = await db.CardPageLinks.AsNoTracking().SingleAsync(l => l.CustomerId == customer.Id);
        Assert.Equal(CardPageLinks.Hash(token), stored.TokenHash);
        Assert.NotEqual(token, stored.TokenHash);
        Assert.Equal(("billing-staff-1", "Sam Tester", TimeSpan.FromHours(24)), (stored.SentByUserId, stored.SentByName, stored.ExpiresAt - stored.SentAt));
        var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.RecipientUserId == customer.Id);
        Assert.Equal((MessageCategory.Essential, true), (message.Category, message.ContainsSecret));
        Assert.DoesNotContain(token, message.TextBody ?? "");
        Assert.DoesNotContain(token, message.PanelText);
    }

    [Fact]
    public async Task The_customer_signs_in_first_then_the_link_opens_the_card_page_once()
    {
        var customer = await app.Customers.NewAsync();
        var email = customer.Email;
        var link = await SendAndReceiveAsync(customer.Id, email);

        using var anonymous = app.Client();
        using var first = await anonymous.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("/Account/Login", first.Headers.Location!.AbsolutePath);

        using var client = await SignedInAsync(email);
        using var opened = await client.GetAsync(link.PathAndQuery);
        using var again = await client.GetAsync(link.PathAndQuery);

        Assert.Equal("/billing", opened.Headers.Location!.OriginalString);
        Assert.Equal("/billing/link?problem=AlreadyUsed", again.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Someone_elses_click_neither_opens_the_page_nor_spends_the_customers_link()
    {
        var customer = await app.Customers.NewAsync();
        var email = customer.Email;
        var other = await app.Customers.NewAsync();
        var link = await SendAndReceiveAsync(customer.Id, email);

        Assert.Equal(CardLinkUse.Unknown, await RedeemAsync(other.Principal, link));
        Assert.Equal(CardLinkUse.NotForThisAccount, await RedeemAsync(BillingDeskTestData.Billing, link));

        Assert.Equal(CardLinkUse.Opened, await RedeemAsync(customer.Principal, link));
    }

    [Fact]
    public async Task After_24_hours_the_link_has_expired()
    {
        var customer = await app.Customers.NewAsync();
        var email = customer.Email;
        var link = await SendAndReceiveAsync(customer.Id, email);

        app.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));

        Assert.Equal(CardLinkUse.Expired, await RedeemAsync(customer.Principal, link));
    }

    [Fact]
    public async Task At_most_three_links_a_day_go_to_one_customer()
    {
        var customer = await app.Customers.NewAsync();
        for (var i = 0; i < CardPageLinks.MaxPerDay; i++)
        {
            Assert.IsType<CardLinkResult.Sent>(await SendAsync(customer.Id));
        }

        var refused = Assert.IsType<CardLinkResult.Refused>(await SendAsync(customer.Id));

        Assert.Contains("3 links went to this customer in the last 24 hours", refused.Message);
        await using var db = app.CreateDbContext();
        Assert.Equal(CardPageLinks.MaxPerDay, await db.CardPageLinks.CountAsync(l => l.CustomerId == customer.Id));
    }

    [Fact]
    public async Task Only_billing_staff_send_card_page_links()
    {
        var customer = await app.Customers.NewAsync();

        foreach (var who in new[] { customer.Principal, BillingDeskTestData.Agent })
        {
            using var scope = app.As(who);
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => scope.Get<CardPageLinks>().SendAsync(customer.Id));
        }
        await using var db = app.CreateDbContext();
        Assert.False(await db.CardPageLinks.AnyAsync(l => l.CustomerId == customer.Id));
    }

    [Fact]
    public async Task The_database_refuses_to_remove_a_link_or_to_use_it_twice()
    {
        var customer = await app.Customers.NewAsync();
        var email = customer.Email;
        var link = await SendAndReceiveAsync(customer.Id, email);
        Assert.Equal(CardLinkUse.Opened, await RedeemAsync(customer.Principal, link));
        await using var db = app.CreateDbContext();

        await TestDatabase.RefusesAsync(app.Provider, () =>
            db.CardPageLinks.Where(l => l.CustomerId == customer.Id).ExecuteDeleteAsync());
        await TestDatabase.RefusesAsync(app.Provider, () =>
            db.CardPageLinks.Where(l => l.CustomerId == customer.Id).ExecuteUpdateAsync(l => l.SetProperty(x => x.UsedAt, DateTime.UtcNow)));
        await TestDatabase.RefusesAsync(app.Provider, () =>
            db.CardPageLinks.Where(l => l.CustomerId == customer.Id).ExecuteUpdateAsync(l => l.SetProperty(x => x.ExpiresAt, DateTime.UtcNow.AddYears(1))));
    }
}

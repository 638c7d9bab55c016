using Bunit;
using Com1ControlPanel.Features.Billing;
using Com1ControlPanel.Features.Billing.Page;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Com1ControlPanel.Tests.Features.Billing;

/// <summary>The pieces of /billing as a customer and a support agent read them.</summary>
public sealed class BillingComponentTests() : ComponentTest(BillingSteps.Start)
{
    private static CardView Card(CardState state) =>
        new("Visa", "4242", new CardExpiry(12, 2026), "Alice Morgan", state, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void The_card_shows_brand_last_four_expiry_and_name_and_nothing_more()
    {
        var card = Render<CardSummary>(p => p.Add(c => c.Card, Card(CardState.Valid)));

        Assert.Equal("Visa", card.Find("#card-brand").TextContent);
        Assert.Equal("•••• 4242", card.Find("#card-number").TextContent);
        Assert.Equal("ending in 4242", card.Find("#card-number").GetAttribute("aria-label"));
        Assert.Equal("Expires 12/2026", card.Find("#card-expiry").TextContent);
        Assert.Equal("Name on card: Alice Morgan", card.Find("#card-holder").TextContent);
        Assert.Empty(card.FindAll("#card-state"));
    }

    [Theory]
    [InlineData(CardState.ExpiresSoon, "Expires soon", "works until the end of 12/2026")]
    [InlineData(CardState.Expired, "Expired", "no longer works")]
    public void Expiring_and_expired_cards_are_marked_and_say_what_to_do(CardState state, string mark, string note)
    {
        var card = Render<CardSummary>(p => p.Add(c => c.Card, Card(state)));

        Assert.Equal(mark, card.Find("#card-state").TextContent.Trim());
        Assert.Contains(note, card.Find("#card-state-note").TextContent);
    }

    [Fact]
    public async Task Removing_the_card_asks_first_and_names_the_paid_services_and_the_next_invoice()
    {
        var host = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();

        await host.InvokeAsync(() => dialogs.ShowAsync<RemoveCardDialog>("Remove your card?", new DialogParameters<RemoveCardDialog>
        {
            { d => d.Card, Card(CardState.Valid) },
            { d => d.PaidServices, ["Remote backup", "SEO/SEM services"] },
        }));

        var warning = host.WaitForElement("#remove-card-warning").TextContent;
        Assert.Contains("Remote backup and SEO/SEM services", warning);
        Assert.Contains("Your next invoice cannot be charged to a card", warning);
        Assert.Contains("Visa ending in 4242", host.Find(".mud-dialog-content").TextContent);
    }

    [Fact]
    public async Task A_customer_without_paid_services_is_asked_without_the_invoice_warning()
    {
        var host = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();

        await host.InvokeAsync(() => dialogs.ShowAsync<RemoveCardDialog>("Remove your card?", new DialogParameters<RemoveCardDialog>
        {
            { d => d.Card, Card(CardState.Valid) },
            { d => d.PaidServices, Array.Empty<string>() },
        }));

        host.WaitForElement("#remove-card-confirm");
        Assert.Empty(host.FindAll("#remove-card-warning"));
    }

    [Fact]
    public async Task Support_in_a_session_sees_the_masked_card_without_any_button_to_change_it()
    {
        var customer = await Kit.PayingCustomerAsync();
        await Kit.CardOnFileAsync(customer);
        SignIn(await Kit.AgentInSessionAsync(customer, Kit.Now));

        var page = RenderPage<BillingPage>();
        page.WaitForElement("#card-number");

        Assert.Equal("•••• 4242", page.Find("#card-number").TextContent);
        Assert.NotNull(page.Find("#card-support-note"));
        Assert.Empty(page.FindAll("#card-add"));
        Assert.Empty(page.FindAll("#card-remove"));
    }

    [Fact]
    public async Task A_customer_without_a_card_is_told_what_to_do()
    {
        var customer = await Kit.PayingCustomerAsync();
        SignIn(Principals.Customer(customer));

        var page = RenderPage<BillingPage>();
        page.WaitForElement("#card-empty");

        Assert.Contains("Add a card so Com 1 can charge your invoices to it", page.Find("#card-empty").TextContent);
        Assert.Equal("Add a card", page.Find("#card-add").TextContent.Trim());
        Assert.Empty(page.FindAll("#card-remove"));
    }
}

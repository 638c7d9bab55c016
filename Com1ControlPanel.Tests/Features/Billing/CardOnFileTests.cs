using Com1ControlPanel.Features.Billing;
using Com1ControlPanel.Features.Billing.Gateway;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Email;
using Microsoft.Extensions.Logging;

namespace Com1ControlPanel.Tests.Features.Billing;

/// <summary>Adding, replacing and removing the card on file through the billing page's service and the embedded gateway.</summary>
public sealed class CardOnFileTests() : ServiceTest(BillingSteps.Start)
{
    private readonly CapturedLogs logs = new();

    protected override Task ArrangeAsync()
    {
        Kit.Get<ILoggerFactory>().AddProvider(logs);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_card_added_keeps_only_brand_last_four_expiry_and_name()
    {
        var customer = await Kit.PayingCustomerAsync();

        var card = await Kit.CardOnFileAsync(customer);

        Assert.Equal(("Visa", "4242", 8, 2029, "Card Holder"), (card.Brand, card.Last4, card.ExpiryMonth, card.ExpiryYear, card.HolderName));
        Assert.Equal(nameof(PaymentGatewayKind.Embedded), card.Gateway);
        Assert.StartsWith("card_emb_", card.GatewayReference);
        var view = await Kit.BillingOf(customer).GetAsync();
        Assert.Equal("•••• 4242", view.Card!.Masked);
        Assert.Equal(CardState.Valid, view.Card.State);
    }

    [Fact]
    public async Task Adding_a_card_is_in_the_history_with_the_customer_as_actor_and_in_an_essential_email()
    {
        var customer = await Kit.PayingCustomerAsync();

        await Kit.CardOnFileAsync(customer);

        var row = Assert.Single(await Kit.HistoryAsync(customer, ProfileField.PaymentCard));
        Assert.Null(row.OldValue);
        Assert.Equal("Visa ending 4242, expires 08/2029", row.NewValue);
        Assert.Equal((customer, ChangeSource.Customer), (row.ActorUserId, row.Source));
        var mail = Assert.Single(await Kit.MailAsync(customer));
        Assert.Equal("A payment card was added to your account", mail.Subject);
        Assert.Equal(MessageCategory.Essential, mail.Category);
        Assert.Equal("Payment card ending 4242 added.", mail.PanelText);
        Assert.Contains("Visa ending 4242", mail.TextBody);
    }

    [Fact]
    public async Task Replacing_the_card_records_both_cards_and_tells_the_customer()
    {
        var customer = await Kit.PayingCustomerAsync();
        await Kit.CardOnFileAsync(customer);

        var result = await Kit.BillingOf(customer).SaveCardAsync(await Kit.TokenAsync(customer, "5555 5555 5555 4444", "03/30"));

        Assert.Equal(new CardChangeResult.Saved(Replaced: true), result);
        Assert.Equal("4444", (await Kit.StoredCardAsync(customer))!.Last4);
        var replaced = (await Kit.HistoryAsync(customer, ProfileField.PaymentCard))[^1];
        Assert.Equal(("Visa ending 4242, expires 08/2029", "Mastercard ending 4444, expires 03/2030"), (replaced.OldValue, replaced.NewValue));
        Assert.Equal("Your payment card was replaced", (await Kit.MailAsync(customer))[^1].Subject);
    }

    [Fact]
    public async Task Removing_the_card_takes_it_off_file_with_history_and_email()
    {
        var customer = await Kit.PayingCustomerAsync();
        await Kit.CardOnFileAsync(customer);

        var result = await Kit.BillingOf(customer).RemoveCardAsync();

        Assert.IsType<CardChangeResult.Removed>(result);
        Assert.Null(await Kit.StoredCardAsync(customer));
        var removed = (await Kit.HistoryAsync(customer, ProfileField.PaymentCard))[^1];
        Assert.Equal(("Visa ending 4242, expires 08/2029", null), (removed.OldValue, removed.NewValue));
        Assert.Equal("Your payment card was removed", (await Kit.MailAsync(customer))[^1].Subject);
    }

    [Fact]
    public async Task A_replayed_token_changes_nothing_and_is_logged_without_card_data()
    {
        var customer = await Kit.PayingCustomerAsync();
        var token = await Kit.TokenAsync(customer);
        await Kit.BillingOf(customer).SaveCardAsync(token);
        await Kit.BillingOf(customer).SaveCardAsync(await Kit.TokenAsync(customer, "5555 5555 5555 4444"));

        var again = await Kit.BillingOf(customer).SaveCardAsync(token);

        Assert.IsType<CardChangeResult.AlreadySaved>(again);
        Assert.Equal("4444", (await Kit.StoredCardAsync(customer))!.Last4);
        Assert.Equal(2, (await Kit.HistoryAsync(customer, ProfileField.PaymentCard)).Count);
        Assert.Contains(logs.Lines, l => l.Text.Contains("already redeemed"));
    }

    [Fact]
    public async Task A_token_made_for_another_customer_is_refused_and_leaves_both_cards_alone()
    {
        var alice = await Kit.PayingCustomerAsync();
        var mallory = await Kit.PayingCustomerAsync();
        await Kit.CardOnFileAsync(mallory, "5555 5555 5555 4444");
        var alicesToken = await Kit.TokenAsync(alice);

        var result = await Kit.BillingOf(mallory).SaveCardAsync(alicesToken);

        Assert.Equal(new CardChangeResult.Refused(CardRefusal.UnknownToken), result);
        Assert.Equal("4444", (await Kit.StoredCardAsync(mallory))!.Last4);
        Assert.Null(await Kit.StoredCardAsync(alice));
        Assert.Contains(logs.Lines, l => l.Level == LogLevel.Warning && l.Text.Contains($"for customer {mallory}: Unknown"));
    }

    [Theory]
    [InlineData("tok_emb_00000000000000000000000000000000")]
    [InlineData("")]
    [InlineData("4242424242424242")]
    public async Task A_forged_token_changes_nothing_and_the_log_never_holds_it(string forged)
    {
        var customer = await Kit.PayingCustomerAsync();
        await Kit.CardOnFileAsync(customer);

        var result = await Kit.BillingOf(customer).SaveCardAsync(forged);

        Assert.Equal(new CardChangeResult.Refused(CardRefusal.UnknownToken), result);
        Assert.Equal("4242", (await Kit.StoredCardAsync(customer))!.Last4);
        Assert.Single(await Kit.HistoryAsync(customer, ProfileField.PaymentCard));
        Assert.Contains(logs.Lines, l => l.Level == LogLevel.Warning && l.Text.Contains(customer));
        Assert.DoesNotContain(logs.Lines, l => forged.Length > 0 && l.Text.Contains(forged));
    }

    [Fact]
    public async Task A_token_that_ran_out_changes_nothing()
    {
        var customer = await Kit.PayingCustomerAsync();
        var token = await Kit.TokenAsync(customer);
        Kit.Clock.Advance(TimeSpan.FromMinutes(11));

        var result = await Kit.BillingOf(customer).SaveCardAsync(token);

        Assert.IsType<CardChangeResult.Refused>(result);
        Assert.Null(await Kit.StoredCardAsync(customer));
    }

    [Fact]
    public async Task The_page_service_reads_only_the_signed_in_customers_card()
    {
        var alice = await Kit.PayingCustomerAsync();
        var bob = await Kit.PayingCustomerAsync();
        await Kit.CardOnFileAsync(bob, "5555 5555 5555 4444");

        var view = await Kit.BillingOf(alice).GetAsync();

        Assert.Null(view.Card);
        Assert.Equal("4444", (await Kit.BillingOf(bob).GetAsync()).Card!.Last4);
    }

    [Fact]
    public async Task Support_in_a_session_sees_the_masked_card_but_cannot_add_replace_or_remove_it()
    {
        var customer = await Kit.PayingCustomerAsync();
        await Kit.CardOnFileAsync(customer);
        var agent = Kit.BillingAs(await Kit.AgentInSessionAsync(customer, Kit.Now));

        var view = await agent.GetAsync();
        var entry = await agent.BeginCardEntryAsync();
        var saved = await agent.SaveCardAsync(await Kit.TokenAsync(customer, "5555 5555 5555 4444"));
        var removed = await agent.RemoveCardAsync();

        Assert.Equal(("•••• 4242", false), (view.Card!.Masked, view.CanChangeCard));
        Assert.Null(entry);
        Assert.Equal(new CardChangeResult.Refused(CardRefusal.SupportSession), saved);
        Assert.Equal(new CardChangeResult.Refused(CardRefusal.SupportSession), removed);
        Assert.Equal("4242", (await Kit.StoredCardAsync(customer))!.Last4);
        await using var db = Kit.CreateDbContext();
        Assert.Equal(3, db.SupportAttempts.Count(a => a.CustomerId == customer));
    }

    [Fact]
    public async Task The_billing_address_starts_as_the_postal_address_and_its_changes_are_in_the_history()
    {
        var customer = await Kit.PayingCustomerAsync();
        var billing = Kit.BillingOf(customer);
        var form = (await billing.GetAsync()).Address;
        Assert.True(form.SameAsPostal);

        form.SameAsPostal = false;
        form.Street = "500 Howard Street";
        form.City = "San Francisco";
        form.PostalCode = "94105";
        form.CountryCode = "US";
        var result = await billing.SaveAddressAsync(form);

        Assert.IsType<BillingAddressSaveResult.Saved>(result);
        var rows = await Kit.HistoryAsync(customer, ProfileField.BillingStreet);
        Assert.Equal("500 Howard Street", Assert.Single(rows).NewValue);
        Assert.Equal("Off", Assert.Single(await Kit.HistoryAsync(customer, ProfileField.BillingSameAsPostal)).NewValue);
    }

    [Fact]
    public async Task A_billing_address_of_its_own_needs_street_city_and_a_valid_postal_code()
    {
        var customer = await Kit.PayingCustomerAsync();
        var billing = Kit.BillingOf(customer);
        var form = (await billing.GetAsync()).Address;
        form.SameAsPostal = false;
        form.PostalCode = "ABC";

        var invalid = Assert.IsType<BillingAddressSaveResult.Invalid>(await billing.SaveAddressAsync(form));

        Assert.Equal(["City", "PostalCode", "Street"], invalid.Errors.Keys.Order());
        Assert.Empty(await Kit.HistoryAsync(customer, ProfileField.BillingStreet));
    }

}

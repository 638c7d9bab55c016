using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Infrastructure.Email;
using MimeKit;

namespace Com1ControlPanel.Tests.Features.Preferences;

/// <summary>The rule the outbox obeys: marketing only to who allows it at delivery; essential always.</summary>
public sealed class MarketingSuppressionTests() : ServiceTest(services: s => s.AddSingleton<IMailDelivery, CapturingDelivery>())
{
    private CapturingDelivery Delivery => (CapturingDelivery)Kit.Get<IMailDelivery>();

    protected override async Task ArrangeAsync()
    {
        await Kit.Customers.NewAsync("In", id: "opted-in", startingChoices: false, allows: ConsentKey.All);
        await Kit.Customers.NewAsync("Out", id: "opted-out", startingChoices: false, refuses: ConsentKey.All);
        await Kit.Customers.NewAsync("Suspended", id: "suspended", startingChoices: false, allows: ConsentKey.All,
            with: c => c.Status = AccountStatus.Suspended);
    }

    private async Task<OutboxMessage> QueueAsync(string recipient, MessageCategory category, string? topic = "PartnerOffers")
    {
        var message = new OutboxMessage
        {
            RecipientUserId = recipient, ToAddress = $"{recipient}@example.com", Subject = "News", Category = category,
            Topic = category == MessageCategory.Marketing ? topic : null, PanelText = "News", HtmlBody = "<p>News</p>",
            TextBody = "News", UnsubscribeUrl = category == MessageCategory.Marketing ? "http://localhost/unsubscribe/t" : null,
            CreatedAt = Kit.Now, NextAttemptAt = Kit.Now,
        };
        await using var db = Kit.CreateDbContext();
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
        return message;
    }

    private async Task<OutboxStatus> StatusAfterDeliveryAsync(OutboxMessage message)
    {
        await Kit.Get<OutboxDispatcher>().DeliverDueAsync(CancellationToken.None);
        await using var db = Kit.CreateDbContext();
        return (await db.OutboxMessages.SingleAsync(m => m.Id == message.Id)).Status;
    }

    [Fact]
    public async Task Marketing_to_a_customer_who_opted_out_is_suppressed_and_its_content_dropped()
    {
        var message = await QueueAsync("opted-out", MessageCategory.Marketing);

        Assert.Equal(OutboxStatus.Suppressed, await StatusAfterDeliveryAsync(message));
        Assert.Empty(Delivery.Delivered);
        await using var db = Kit.CreateDbContext();
        Assert.Null((await db.OutboxMessages.SingleAsync()).HtmlBody);
    }

    [Fact]
    public async Task Marketing_to_a_customer_who_allows_the_topic_is_delivered_with_one_click_unsubscribe_headers()
    {
        var message = await QueueAsync("opted-in", MessageCategory.Marketing);

        Assert.Equal(OutboxStatus.Sent, await StatusAfterDeliveryAsync(message));
        var mail = Assert.Single(Delivery.Delivered);
        Assert.Equal("<http://localhost/unsubscribe/t>", mail.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
    }

    [Fact]
    public async Task Essential_messages_are_never_suppressed_even_for_a_customer_who_refused_everything()
    {
        var message = await QueueAsync("opted-out", MessageCategory.Essential);

        Assert.Equal(OutboxStatus.Sent, await StatusAfterDeliveryAsync(message));
        Assert.Null(Assert.Single(Delivery.Delivered).Headers["List-Unsubscribe"]);
    }

    [Fact]
    public async Task The_choice_at_delivery_counts_not_the_choice_when_the_message_was_queued()
    {
        var message = await QueueAsync("opted-in", MessageCategory.Marketing);
        using (var customer = Kit.As(Principals.Customer("opted-in")))
        {
            await customer.Get<ConsentService>().SetAsync(new(MarketingPurpose.PartnerOffers, ContactChannel.Email), false);
        }

        Assert.Equal(OutboxStatus.Suppressed, await StatusAfterDeliveryAsync(message));
    }

    [Theory]
    [InlineData("suspended", "PartnerOffers")]
    [InlineData("opted-in", "NoSuchTopic")]
    [InlineData("opted-in", null)]
    public async Task Marketing_that_cannot_be_matched_to_an_active_customers_choice_is_suppressed(string recipient, string? topic)
    {
        var message = await QueueAsync(recipient, MessageCategory.Marketing, topic);

        Assert.Equal(OutboxStatus.Suppressed, await StatusAfterDeliveryAsync(message));
    }

    private sealed class CapturingDelivery : IMailDelivery
    {
        public List<MimeMessage> Delivered { get; } = [];

        public Task DeliverAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            Delivered.Add(message);
            return Task.CompletedTask;
        }
    }
}

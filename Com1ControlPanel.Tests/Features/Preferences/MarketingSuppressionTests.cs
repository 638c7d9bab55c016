using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Email;
using Com1ControlPanel.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Com1ControlPanel.Tests.Features.Preferences;

/// <summary>The rule the outbox obeys: marketing only to who allows it at delivery; essential always.</summary>
public sealed class MarketingSuppressionTests : IDisposable
{
    private readonly TestDatabase database = new();
    private readonly CapturingDelivery delivery = new();

    public MarketingSuppressionTests()
    {
        using var db = database.CreateDbContext();
        TestCustomers.Add(db, "opted-in");
        TestCustomers.Add(db, "opted-out");
        TestCustomers.Add(db, "suspended").Status = AccountStatus.Suspended;
        db.SaveChanges();
        var ledger = new ConsentLedger(Options.Create(new PreferencesOptions()), TimeProvider.System, new ConsentChanges());
        foreach (var (id, allows) in new[] { ("opted-in", true), ("opted-out", false), ("suspended", true) })
        {
            ledger.ApplyAsync(db, id, ConsentKey.All.ToDictionary(k => k, _ => allows), new Actor(id, id, ChangeSource.Customer))
                .GetAwaiter().GetResult();
        }
        db.SaveChanges();
    }

    private async Task<OutboxMessage> QueueAsync(string recipient, MessageCategory category, string? topic = "PartnerOffers")
    {
        var message = new OutboxMessage
        {
            RecipientUserId = recipient, ToAddress = $"{recipient}@example.com", Subject = "News", Category = category,
            Topic = category == MessageCategory.Marketing ? topic : null, PanelText = "News", HtmlBody = "<p>News</p>",
            TextBody = "News", UnsubscribeUrl = category == MessageCategory.Marketing ? "http://localhost/unsubscribe/t" : null,
            CreatedAt = DateTime.UtcNow, NextAttemptAt = DateTime.UtcNow,
        };
        await using var db = database.CreateDbContext();
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
        return message;
    }

    private async Task<OutboxStatus> StatusAfterDeliveryAsync(OutboxMessage message)
    {
        var dispatcher = new OutboxDispatcher(database, delivery, new MarketingSuppression(database), new OutboxSignal(),
            TimeProvider.System, Options.Create(new MailOptions()), Options.Create(new DataProtectionTokenProviderOptions()),
            NullLogger<OutboxDispatcher>.Instance);
        await dispatcher.DeliverDueAsync(CancellationToken.None);
        await using var db = database.CreateDbContext();
        return (await db.OutboxMessages.SingleAsync(m => m.Id == message.Id)).Status;
    }

    [Fact]
    public async Task Marketing_to_a_customer_who_opted_out_is_suppressed_and_its_content_dropped()
    {
        var message = await QueueAsync("opted-out", MessageCategory.Marketing);

        Assert.Equal(OutboxStatus.Suppressed, await StatusAfterDeliveryAsync(message));
        Assert.Empty(delivery.Delivered);
        await using var db = database.CreateDbContext();
        Assert.Null((await db.OutboxMessages.SingleAsync()).HtmlBody);
    }

    [Fact]
    public async Task Marketing_to_a_customer_who_allows_the_topic_is_delivered_with_one_click_unsubscribe_headers()
    {
        var message = await QueueAsync("opted-in", MessageCategory.Marketing);

        Assert.Equal(OutboxStatus.Sent, await StatusAfterDeliveryAsync(message));
        var mail = Assert.Single(delivery.Delivered);
        Assert.Equal("<http://localhost/unsubscribe/t>", mail.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
    }

    [Fact]
    public async Task Essential_messages_are_never_suppressed_even_for_a_customer_who_refused_everything()
    {
        var message = await QueueAsync("opted-out", MessageCategory.Essential);

        Assert.Equal(OutboxStatus.Sent, await StatusAfterDeliveryAsync(message));
        Assert.Null(Assert.Single(delivery.Delivered).Headers["List-Unsubscribe"]);
    }

    [Fact]
    public async Task The_choice_at_delivery_counts_not_the_choice_when_the_message_was_queued()
    {
        var message = await QueueAsync("opted-in", MessageCategory.Marketing);
        await using (var db = database.CreateDbContext())
        {
            var ledger = new ConsentLedger(Options.Create(new PreferencesOptions()), TimeProvider.System, new ConsentChanges());
            await ledger.ApplyAsync(db, "opted-in", new Dictionary<ConsentKey, bool>
            {
                [new(MarketingPurpose.PartnerOffers, ContactChannel.Email)] = false,
            }, new Actor("opted-in", "In", ChangeSource.Customer));
            await db.SaveChangesAsync();
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

    public void Dispose() => database.Dispose();

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

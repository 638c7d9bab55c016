using Com1ControlPanel.Features.Billing;
using Com1ControlPanel.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Com1ControlPanel.Tests.Features.Billing;

/// <summary>The reminder 30 days before a card stops working: an Essential email and a panel notification, once per card.</summary>
public sealed class CardExpiryReminderTests() : ServiceTest(BillingSteps.Start)
{

    private async Task<int> NotificationsAsync(string customerId)
    {
        await using var db = Kit.CreateDbContext();
        return await db.Notifications.CountAsync(n => n.UserId == customerId && n.Link == "billing");
    }

    [Fact]
    public async Task A_card_is_reminded_of_once_from_30_days_before_it_expires()
    {
        // 28 November 2026: a card for 12/2026 works until 1 January 2027, 34 days away.
        var customer = await Kit.PayingCustomerAsync();
        await Kit.CardOnFileAsync(customer, expiry: "12/26");

        Assert.Equal(0, await Kit.Get<CardExpiryReminders>().RunOnceAsync());
        Kit.Clock.Advance(TimeSpan.FromDays(4));
        Assert.Equal(1, await Kit.Get<CardExpiryReminders>().RunOnceAsync());
        Kit.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await Kit.Get<CardExpiryReminders>().RunOnceAsync());

        var reminder = Assert.Single(await Kit.MailAsync(customer), m => m.Subject == "Your payment card expires soon");
        Assert.Equal(MessageCategory.Essential, reminder.Category);
        Assert.Contains("Visa ending 4242", reminder.TextBody);
        Assert.Contains("http://localhost:5080/billing", reminder.TextBody);
        Assert.Equal(1, await NotificationsAsync(customer));
    }

    [Fact]
    public async Task A_new_card_gets_its_own_reminder_in_its_time()
    {
        var customer = await Kit.PayingCustomerAsync();
        await Kit.CardOnFileAsync(customer, expiry: "12/26");
        Kit.Clock.Advance(TimeSpan.FromDays(5));
        await Kit.Get<CardExpiryReminders>().RunOnceAsync();

        await Kit.CardOnFileAsync(customer, "5555 5555 5555 4444", "01/27");
        Assert.Equal(0, await Kit.Get<CardExpiryReminders>().RunOnceAsync());
        Kit.Clock.Advance(TimeSpan.FromDays(31));

        Assert.Equal(1, await Kit.Get<CardExpiryReminders>().RunOnceAsync());
        Assert.Equal(2, await NotificationsAsync(customer));
    }

    [Fact]
    public async Task The_daily_job_reminds_once_however_many_days_and_instances_run_it()
    {
        var customer = await Kit.PayingCustomerAsync();
        await Kit.CardOnFileAsync(customer, expiry: "12/26");
        var reminders = Kit.Get<CardExpiryReminders>();

        // Day by day on the fake clock, as the engine runs it daily; the card is due on the fourth day.
        for (var day = 0; day < 10; day++)
        {
            Kit.Clock.Advance(TimeSpan.FromDays(1));
            await reminders.RunAsync(CancellationToken.None);
        }

        Assert.Equal(1, await NotificationsAsync(customer));
    }
}

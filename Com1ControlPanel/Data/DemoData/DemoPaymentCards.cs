using Com1ControlPanel.Features.Billing;
using Com1ControlPanel.Features.Billing.Gateway;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Data.DemoData;

/// <summary>
/// Cards on file as the embedded test gateway would have left them (brand, last four, expiry; never a number): alice's
/// Visa ending 4242 runs out at the end of next month, so /billing marks it, and bob's Mastercard ending 4444 is good for
/// years. Development only.
/// </summary>
internal sealed class DemoPaymentCards(AppDbContext db, TimeProvider time)
{
    public async Task SeedAsync(string aliceId, string bobId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var nextMonth = now.AddMonths(1);
        await AddAsync(aliceId, "Visa", "4242", nextMonth.Month, nextMonth.Year, now.AddDays(-300));
        await AddAsync(bobId, "Mastercard", "4444", 9, now.Year + 3, now.AddDays(-120));
        await db.SaveChangesAsync();
    }

    private async Task AddAsync(string customerId, string brand, string last4, int month, int year, DateTime added)
    {
        if (await db.PaymentCards.AnyAsync(c => c.CustomerId == customerId))
        {
            return;
        }
        var name = await db.Customers.Where(c => c.Id == customerId).Select(c => c.FullName).SingleAsync();
        var card = new PaymentCard
        {
            CustomerId = customerId,
            Gateway = nameof(PaymentGatewayKind.Embedded),
            GatewayReference = $"card_emb_demo_{last4}",
            Brand = brand,
            Last4 = last4,
            ExpiryMonth = month,
            ExpiryYear = year,
            HolderName = name,
            AddedAt = added,
        };
        db.PaymentCards.Add(card);
        db.ProfileChanges.Add(new ProfileChange
        {
            CustomerId = customerId,
            Field = ProfileField.PaymentCard,
            NewValue = card.Describe(),
            ChangedAt = added,
            ActorUserId = customerId,
            ActorName = name,
            Source = ChangeSource.Customer,
        });
    }
}

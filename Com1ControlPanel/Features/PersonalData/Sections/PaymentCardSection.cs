using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.PersonalData.Sections;

/// <summary>
/// The card on file as the billing page shows it: brand, last four digits, expiry, name, billing address and which
/// gateway holds the number. Never the gateway's reference to the card, never a token, never a link's hash.
/// </summary>
internal static class PaymentCardSection
{
    public static async Task<object?> ReadAsync(ExportScope scope, CancellationToken cancellationToken)
    {
        var card = await scope.Db.PaymentCards.AsNoTracking()
            .Where(c => c.CustomerId == scope.UserId)
            .Select(c => new
            {
                c.Brand, c.Last4, c.ExpiryMonth, c.ExpiryYear, c.HolderName, c.AddedAt, c.ExpiryReminderSentAt, HeldBy = c.Gateway,
            })
            .SingleOrDefaultAsync(cancellationToken);
        var customer = await scope.Db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == scope.UserId, cancellationToken);
        var links = await scope.Db.CardPageLinks.AsNoTracking()
            .Where(l => l.CustomerId == scope.UserId)
            .OrderBy(l => l.SentAt)
            .Select(l => new { l.SentAt, l.ExpiresAt, l.UsedAt, l.SentByUserId, l.SentByName })
            .ToListAsync(cancellationToken);
        return new
        {
            Card = card is null ? null : new
            {
                card.Brand, card.Last4, Expiry = $"{card.ExpiryMonth:00}/{card.ExpiryYear}", card.ExpiryMonth, card.ExpiryYear,
                card.HolderName, card.AddedAt, card.ExpiryReminderSentAt, card.HeldBy,
            },
            BillingAddress = customer is null ? null : BillingAddress(customer),
            CardPageLinks = links.Select(l => new
            {
                l.SentAt, l.ExpiresAt, l.UsedAt,
                SentBy = new Actor(l.SentByUserId, l.SentByName, ChangeSource.Billing).DescribeForCustomer(scope.UserId),
            }).ToList(),
        };
    }

    // Invoices go to the postal address unless the customer gave a billing address of its own, as the billing page says.
    private static object BillingAddress(Customer c) => c.BillingSameAsPostal
        ? Address(true, c.Street, c.City, c.Region, c.PostalCode, c.CountryCode)
        : Address(false, c.BillingStreet, c.BillingCity, c.BillingRegion, c.BillingPostalCode, c.BillingCountryCode);

    private static object Address(bool sameAsPostal, string? street, string? city, string? region, string? postalCode, string? countryCode) =>
        new
        {
            SameAsPostal = sameAsPostal, Street = street, City = city, Region = region, PostalCode = postalCode, CountryCode = countryCode,
            Country = Countries.NameOf(countryCode),
        };
}

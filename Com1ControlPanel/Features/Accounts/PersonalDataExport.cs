using System.Text.Json;
using System.Text.Json.Serialization;
using Com1ControlPanel.Data;
using Com1ControlPanel.Infrastructure.Auditing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Accounts;

/// <summary>
/// The "Download your personal data" file: everything the panel holds about one account, as readable JSON.
/// Never secrets (password hash, security stamp, authenticator key) and never message bodies.
/// </summary>
public sealed class PersonalDataExport(
    UserManager<ApplicationUser> userManager,
    IDbContextFactory<AppDbContext> dbFactory,
    ILogger<PersonalDataExport> logger)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<byte[]> CreateAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        var userId = user.Id;
        logger.LogInformation("User {UserId} downloaded their personal data", userId);

        // Identity's own personal data: the [PersonalData] properties, never the password hash, security stamp or keys.
        var account = typeof(ApplicationUser).GetProperties()
            .Where(prop => Attribute.IsDefined(prop, typeof(PersonalDataAttribute)))
            .ToDictionary(prop => prop.Name, prop => prop.GetValue(user));
        var externalSignIns = (await userManager.GetLoginsAsync(user))
            .Select(login => new { Provider = login.ProviderDisplayName ?? login.LoginProvider, login.ProviderKey });
        // Names and dates only: a passkey's public key and counters mean nothing to its owner.
        var passkeys = (await userManager.GetPasskeysAsync(user))
            .Select(passkey => new { passkey.Name, passkey.CreatedAt });

        // Every query below is scoped to the signed-in user's id, and to nothing else.
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var customer = await db.Customers.AsNoTracking()
            .Where(c => c.Id == userId)
            .Select(c => new
            {
                c.CustomerNumber,
                c.Status,
                c.StatusReason,
                c.StatusMessage,
                c.StatusChangedAt,
                c.CustomerSince,
                c.FullName,
                c.Company,
                c.Street,
                c.City,
                c.Region,
                c.PostalCode,
                c.CountryCode,
                c.Phone,
                c.MobilePhone,
                c.BillingSameAsPostal,
                c.BillingStreet,
                c.BillingCity,
                c.BillingRegion,
                c.BillingPostalCode,
                c.BillingCountryCode,
                Services = c.Services.Select(s => new { s.Service, s.Plan, s.StartedOn }).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        // The card as the panel keeps it: the gateway has the number, the panel never did.
        var paymentCard = await db.PaymentCards.AsNoTracking()
            .Where(card => card.CustomerId == userId)
            .Select(card => new { card.Brand, card.Last4, card.ExpiryMonth, card.ExpiryYear, card.HolderName, card.AddedAt })
            .SingleOrDefaultAsync(cancellationToken);
        var profileChanges = (await db.ProfileChanges.AsNoTracking()
                .Where(change => change.CustomerId == userId)
                .OrderBy(change => change.ChangedAt)
                .ToListAsync(cancellationToken))
            .Select(change => new
            {
                change.ChangedAt,
                change.Field,
                change.OldValue,
                change.NewValue,
                ChangedBy = new Actor(change.ActorUserId, change.ActorName, change.Source).DescribeForCustomer(userId),
                change.Source,
                change.Reason,
                change.Reference,
            });
        var signIns = await db.SignInRecords.AsNoTracking()
            .Where(record => record.UserId == userId)
            .OrderBy(record => record.At)
            .Select(record => new { record.At, record.Succeeded, record.Method, record.Network, record.Browser, record.Outcome })
            .ToListAsync(cancellationToken);
        // What was sent, not the bodies: those may hold one-time links, and the panel shows the same list.
        var messages = await db.OutboxMessages.AsNoTracking()
            .Where(message => message.RecipientUserId == userId)
            .OrderBy(message => message.CreatedAt)
            .Select(message => new { message.Subject, Created = message.CreatedAt, message.Category, message.Status, message.PanelText })
            .ToListAsync(cancellationToken);

        return JsonSerializer.SerializeToUtf8Bytes(new
        {
            Account = account,
            ExternalSignIns = externalSignIns,
            Passkeys = passkeys,
            Customer = customer,
            PaymentCard = paymentCard,
            ProfileChanges = profileChanges,
            SignIns = signIns,
            Messages = messages,
        }, Json);
    }
}

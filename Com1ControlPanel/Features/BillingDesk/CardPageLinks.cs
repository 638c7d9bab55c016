using System.Security.Cryptography;
using System.Security.Claims;
using System.Text;
using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Email;
using Com1ControlPanel.Infrastructure.Hosting;
using Com1ControlPanel.Infrastructure.Security;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.BillingDesk;

/// <summary>
/// Billing never sees or takes card numbers: it sends the customer a link to the card page instead. The link works
/// once, for <see cref="Lifetime"/>, for the signed-in customer it was sent to; only its hash is stored.
/// </summary>
public sealed class CardPageLinks(
    IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, Outbox outbox, PanelLinks links, TimeProvider time,
    ILogger<CardPageLinks> logger)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>So many links per customer a day: enough for a lost email, too few to flood a mailbox.</summary>
    public const int MaxPerDay = 3;

    public const string CardPage = "/billing";
    public const string LinkPath = "/billing/link";

    public async Task<CardLinkResult> SendAsync(string customerId, CancellationToken cancellationToken = default)
    {
        var staff = await currentUser.RequireBillingAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var recipient = await (from c in db.Customers
                               join u in db.Users on c.Id equals u.Id
                               where c.Id == customerId
                               select new { u.Email, c.FullName, c.Status }).SingleOrDefaultAsync(cancellationToken);
        if (recipient is null)
        {
            return new CardLinkResult.Refused("There is no such customer.");
        }
        if (recipient.Status == AccountStatus.Closed)
        {
            return new CardLinkResult.Refused(BillingStaff.AccountClosed);
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (await db.CardPageLinks.CountAsync(l => l.CustomerId == customerId && l.SentAt > now - TimeSpan.FromDays(1), cancellationToken)
            >= MaxPerDay)
        {
            return new CardLinkResult.Refused(
                $"{MaxPerDay} links went to this customer in the last 24 hours. Ask them to check their mailbox, or open Billing in the panel themselves.");
        }
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        db.CardPageLinks.Add(new CardPageLink
        {
            Id = Guid.NewGuid(), CustomerId = customerId, TokenHash = Hash(token), SentAt = now, ExpiresAt = now + Lifetime,
            SentByUserId = staff.UserId, SentByName = staff.DisplayName,
        });
        // The stored copy of the email loses its text once delivered: the link is then nowhere but in the customer's mailbox.
        outbox.Add(db, BillingMail.CardLink(customerId, recipient.Email!, recipient.FullName, staff, links.To($"{LinkPath.TrimStart('/')}/{token}"), Lifetime));
        await db.SaveChangesAsync(cancellationToken);
        outbox.NotifySaved();
        logger.LogInformation("Card page link for customer {CustomerId} sent by billing staff {StaffUserId}", customerId, staff.UserId);
        return new CardLinkResult.Sent(now + Lifetime);
    }

    /// <summary>
    /// Spends the link for the signed-in customer it was sent to. Someone else's link, a spent one or an expired one is
    /// refused and left as it is, so a colleague's or an attacker's click never uses up the customer's link.
    /// </summary>
    public async Task<CardLinkUse> RedeemAsync(string? token, CancellationToken cancellationToken = default)
    {
        var principal = await currentUser.GetPrincipalAsync();
        if (!principal.IsInRole(Roles.Customer) || principal.IsSupportSession()
            || principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } customerId)
        {
            return CardLinkUse.NotForThisAccount;
        }
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return CardLinkUse.Unknown;
        }
        var hash = Hash(token);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var link = await db.CardPageLinks.AsNoTracking()
            .SingleOrDefaultAsync(l => l.TokenHash == hash && l.CustomerId == customerId, cancellationToken);
        if (link is null)
        {
            return CardLinkUse.Unknown;
        }
        if (link.UsedAt is not null)
        {
            return CardLinkUse.AlreadyUsed;
        }
        if (link.ExpiresAt <= now)
        {
            return CardLinkUse.Expired;
        }
        // Two clicks at once: only the update that still finds the link unused counts.
        var spent = await db.CardPageLinks.Where(l => l.Id == link.Id && l.UsedAt == null)
            .ExecuteUpdateAsync(l => l.SetProperty(x => x.UsedAt, now), cancellationToken);
        return spent == 1 ? CardLinkUse.Opened : CardLinkUse.AlreadyUsed;
    }

    internal static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

public abstract record CardLinkResult
{
    public sealed record Sent(DateTime ValidUntil) : CardLinkResult;
    public sealed record Refused(string Message) : CardLinkResult;
}

public enum CardLinkUse
{
    Opened,
    AlreadyUsed,
    Expired,
    /// <summary>No such link for this customer: never sent, mistyped, or sent to someone else.</summary>
    Unknown,
    /// <summary>Signed in as staff, or support in a session: the link is the customer's own.</summary>
    NotForThisAccount,
}

using System.Security.Claims;
using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Cookies;

/// <summary>
/// Whether a visitor has answered the cookie banner and whether the usage statistics cookie is allowed. A signed-in
/// customer's answer is their "Website usage statistics" consent, counted only once they gave it themselves (the banner,
/// the switch on their preferences, or their browser's privacy signal), never the starting position of a new account.
/// Anyone else's answer lives in the essential <see cref="CookieRegistry.CookieChoice"/> cookie. Until there is an
/// answer, only essential cookies are set; a browser's Global Privacy Control signal counts as "Essential only".
/// Staff are never counted, and in a support session the browser is the agent's: neither is asked.
/// </summary>
public sealed class CookieConsent(IDbContextFactory<AppDbContext> dbFactory, ConsentLedger ledger, ILogger<CookieConsent> logger)
{
    public static readonly ConsentKey Statistics = new(MarketingPurpose.UsageStatistics, ContactChannel.None);

    // A customer's own hand (or their browser's signal) on the switch; not the country rule, not someone acting for them.
    private static readonly ChangeSource[] OwnAnswers = [ChangeSource.Customer, ChangeSource.CookieBanner, ChangeSource.BrowserPrivacySignal];

    /// <summary>Where <paramref name="user"/> stands, given the answer cookie and privacy signal their browser sent.</summary>
    public async Task<CookieStatus> StatusAsync(ClaimsPrincipal user, string? answerCookie, bool privacySignal,
        CancellationToken cancellationToken = default)
    {
        if (user.IsSupportSession() || user.Identity?.IsAuthenticated == true && !user.IsInRole(Roles.Customer))
        {
            return new CookieStatus(Asked: false, Answer: null, privacySignal);
        }
        if (user.Identity?.IsAuthenticated == true && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } customerId)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var state = await db.ConsentStates.AsNoTracking()
                .Where(s => s.CustomerId == customerId && s.Purpose == Statistics.Purpose && s.Channel == Statistics.Channel)
                .Select(s => new { s.Granted, s.ChangedBy })
                .SingleOrDefaultAsync(cancellationToken);
            return new CookieStatus(Asked: true, state is null ? null : AnswerOf(state.Granted, state.ChangedBy), privacySignal);
        }
        return new CookieStatus(Asked: true, CookieAnswers.Parse(answerCookie), privacySignal);
    }

    /// <summary>
    /// A customer's answer, read from their usage statistics switch: none while nobody but the customer (or their browser's
    /// signal) has set it.
    /// </summary>
    public static CookieAnswer? AnswerOf(bool granted, ChangeSource changedBy) =>
        OwnAnswers.Contains(changedBy) ? granted ? CookieAnswer.AllowStatistics : CookieAnswer.EssentialOnly : null;

    /// <summary>Records a signed-in customer's answer: one consent record, from the cookie banner.</summary>
    public async Task AnswerAsync(string customerId, string customerName, CookieAnswer answer, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await ledger.ApplyAsync(db, customerId, new Dictionary<ConsentKey, bool> { [Statistics] = answer == CookieAnswer.AllowStatistics },
            new Actor(customerId, customerName, ChangeSource.CookieBanner), cancellationToken, confirm: true);
        await db.SaveChangesAsync(cancellationToken);
        ledger.Announce(customerId);
        logger.LogInformation("Customer {CustomerId} answered the cookie banner: {Answer}", customerId, answer);
    }
}

/// <param name="Asked">Whether this visitor is asked at all (staff and support sessions are not).</param>
/// <param name="Answer">Their answer; null while they have not given one.</param>
/// <param name="PrivacySignal">Their browser sends Global Privacy Control, which counts as "Essential only" until they answer.</param>
public sealed record CookieStatus(bool Asked, CookieAnswer? Answer, bool PrivacySignal)
{
    public bool ShowBanner => Asked && Answer is null;

    public bool AllowsStatistics => Answer == CookieAnswer.AllowStatistics;
}

public enum CookieAnswer { EssentialOnly, AllowStatistics }

public static class CookieAnswers
{
    public static string ToCookieValue(this CookieAnswer answer) => answer == CookieAnswer.AllowStatistics ? "statistics" : "essential";

    /// <summary>The answer a form or cookie names; null for anything else.</summary>
    public static CookieAnswer? Parse(string? value) => value switch
    {
        "statistics" => CookieAnswer.AllowStatistics,
        "essential" => CookieAnswer.EssentialOnly,
        _ => null,
    };
}

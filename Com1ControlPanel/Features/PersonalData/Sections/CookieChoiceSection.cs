using Com1ControlPanel.Features.Cookies;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.PersonalData.Sections;

/// <summary>
/// The customer's answer to the cookie banner, which is their usage statistics switch once they set it themselves. What a
/// browser answered before signing in lives only in that browser's essential cookie, so the panel has nothing to export.
/// </summary>
internal static class CookieChoiceSection
{
    public static async Task<object?> ReadAsync(ExportScope scope, CancellationToken cancellationToken)
    {
        var statistics = await scope.Db.ConsentStates.AsNoTracking()
            .Where(s => s.CustomerId == scope.UserId && s.Purpose == CookieConsent.Statistics.Purpose
                        && s.Channel == CookieConsent.Statistics.Channel)
            .SingleOrDefaultAsync(cancellationToken);
        var answer = statistics is null ? null : CookieConsent.AnswerOf(statistics.Granted, statistics.ChangedBy);
        return new
        {
            Answer = answer,
            UsageStatisticsCookieAllowed = answer == CookieAnswer.AllowStatistics,
            AnsweredAt = answer is null ? null : (DateTime?)statistics!.ChangedAt,
            AnsweredBy = answer is null ? null : (Infrastructure.Auditing.ChangeSource?)statistics!.ChangedBy,
        };
    }
}

using Com1ControlPanel.Features.Support.Access;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.PersonalData.Sections;

/// <summary>Every sign-in attempt to the account, described as "Who accessed my account" describes it.</summary>
internal static class SignInsSection
{
    public static async Task<object?> ReadAsync(ExportScope scope, CancellationToken cancellationToken)
    {
        var signIns = await scope.Db.SignInRecords.AsNoTracking()
            .Where(r => r.UserId == scope.UserId)
            .OrderBy(r => r.At).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);
        return signIns.Select(r => new
        {
            r.At, r.Succeeded, How = AccessWords.Describe(r), r.Method, r.Outcome, r.Network, r.Browser,
        }).ToList();
    }
}

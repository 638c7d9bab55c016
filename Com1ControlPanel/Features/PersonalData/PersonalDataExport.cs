using Com1ControlPanel.Data;
using Com1ControlPanel.Infrastructure.Auditing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.PersonalData;

/// <summary>
/// "Download my data": everything the panel holds about the signed-in person, read section by section as
/// <see cref="ExportCoverage"/> lists them, for that person's id only. Nobody else asks for it: in a support session the
/// download stays with the customer, and the attempt is kept with support's other refused attempts.
/// </summary>
public sealed class PersonalDataExport(
    IDbContextFactory<AppDbContext> dbFactory,
    UserManager<ApplicationUser> users,
    CurrentUser currentUser,
    ISupportAttempts supportAttempts,
    TimeProvider time,
    ILogger<PersonalDataExport> logger)
{
    public async Task<PersonalDataDownload> CreateAsync(CancellationToken cancellationToken = default)
    {
        var userId = await currentUser.GetUserIdAsync();
        if (await currentUser.IsSupportSessionAsync())
        {
            var agent = await currentUser.GetActorAsync();
            await supportAttempts.RecordCustomerOnlyAsync(agent.UserId, userId, CustomerOnlyActions.DownloadPersonalData, cancellationToken);
            logger.LogWarning("Support agent {AgentId} was refused the personal data of {UserId}", agent.UserId, userId);
            return new PersonalDataDownload.Refused();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return new PersonalDataDownload.NotFound();
        }
        var customerNumber = await db.Customers.Where(c => c.Id == userId).Select(c => c.CustomerNumber)
            .SingleOrDefaultAsync(cancellationToken);
        var scope = new ExportScope(db, user, users, customerNumber, time.GetUtcNow().UtcDateTime);
        var sections = new List<KeyValuePair<string, object?>>();
        foreach (var section in ExportCoverage.Sections)
        {
            sections.Add(new(section.Name, await section.ReadAsync(scope, cancellationToken)));
        }
        logger.LogInformation("User {UserId} downloaded their personal data", userId);
        return new PersonalDataDownload.Ready(new PersonalDataDocument(scope.Now, customerNumber, sections));
    }
}

public abstract record PersonalDataDownload
{
    public sealed record Ready(PersonalDataDocument Document) : PersonalDataDownload;

    /// <summary>Com 1 support is acting in the account: the download stays with the customer.</summary>
    public sealed record Refused : PersonalDataDownload;

    /// <summary>The sign-in names no account any more.</summary>
    public sealed record NotFound : PersonalDataDownload;
}

using System.Text.Json;
using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Accounts.SignIns;
using Com1ControlPanel.Features.Billing;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Disclosures;
using Com1ControlPanel.Features.Domains;
using Com1ControlPanel.Features.Notifications;
using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Infrastructure.Email;
using Hangfire;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Com1ControlPanel.Features.Accounts.Closing;

/// <summary>
/// Carries out <see cref="RetentionRules"/> for closed accounts: the personal data nothing requires goes once
/// <see cref="RetentionOptions.ClosedAccountDays"/> have passed, the records the law keeps go after
/// <see cref="RetentionRules.LegalRecordYears"/> years. Each account is done in a transaction of its own that first marks
/// its closure with the step in progress, which is what lets the permanent tables' triggers accept this transaction's
/// changes and no other's; a failure leaves that account as it was for the next run. Every run records a
/// <see cref="RetentionRun"/> of counts.
/// </summary>
public sealed class ClosedAccountRetention(
    IDbContextFactory<AppDbContext> dbFactory,
    CustomerChanges customers,
    CardOnFile cards,
    DomainChanges domains,
    DisclosureLedger disclosures,
    IEnumerable<IClosedAccountAnonymising> otherParts,
    Outbox outbox,
    ILookupNormalizer normalizer,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    ILogger<ClosedAccountRetention> logger)
{
    private const int BatchSize = 100;

    /// <summary>
    /// The job: daily, and when an instance starts. Runs take turns across instances; one cut short leaves every account it
    /// had not finished as it was, for the next day's run.
    /// </summary>
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60 * 60)]
    [JobDisplayName("Remove what closed accounts no longer need kept")]
    public Task RunAsync(CancellationToken cancellationToken) => RunOnceAsync(cancellationToken);

    public async Task<RetentionRun> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var rows = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var (anonymised, failedToAnonymise) = await ForEachDueAsync(RetentionStep.Kept,
            closedAt => RetentionRules.IsAnonymisationDue(closedAt, now, options.Value.ClosedAccountDays),
            id => AnonymiseAsync(id, now, rows, cancellationToken), cancellationToken);
        var (recordsRemoved, failedToRemove) = await ForEachDueAsync(RetentionStep.Anonymised,
            closedAt => RetentionRules.IsRecordRemovalDue(closedAt, now),
            id => disclosures.ExclusiveAsync(() => RemoveRecordsAsync(id, now, rows, cancellationToken), cancellationToken),
            cancellationToken);

        var run = new RetentionRun
        {
            RanAt = now, AccountsAnonymised = anonymised, AccountsRecordsRemoved = recordsRemoved,
            AccountsFailed = failedToAnonymise + failedToRemove, Rows = JsonSerializer.Serialize(rows),
        };
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.RetentionRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation(
            "Retention run: {Anonymised} closed accounts anonymised, {RecordsRemoved} past their legal retention, {Failed} failed; rows {Rows}",
            run.AccountsAnonymised, run.AccountsRecordsRemoved, run.AccountsFailed, run.Rows);
        return run;
    }

    /// <summary>
    /// Runs <paramref name="work"/> for every closure at <paramref name="step"/> that <paramref name="due"/> says is due,
    /// oldest first. Done closures leave the step; failed ones are left out for the rest of the run.
    /// </summary>
    private async Task<(int Done, int Failed)> ForEachDueAsync(RetentionStep step, Func<DateTime, bool> due,
        Func<string, Task<bool>> work, CancellationToken cancellationToken)
    {
        var done = 0;
        var failed = new List<string>();
        while (true)
        {
            List<(string CustomerId, DateTime ClosedAt)> batch;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                // Whether a closure is due is the rule's to decide: the query only reads the candidates, oldest first.
                batch = (await db.AccountClosures.AsNoTracking()
                        .Where(c => c.Retention == step && !failed.Contains(c.CustomerId))
                        .OrderBy(c => c.ClosedAt).ThenBy(c => c.CustomerId)
                        .Select(c => new { c.CustomerId, c.ClosedAt })
                        .Take(BatchSize).ToListAsync(cancellationToken))
                    .Select(c => (c.CustomerId, c.ClosedAt)).ToList();
            }
            var dueNow = batch.TakeWhile(c => due(c.ClosedAt)).ToList();
            foreach (var (customerId, _) in dueNow)
            {
                try
                {
                    done += await work(customerId) ? 1 : 0;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    failed.Add(customerId);
                    logger.LogError(ex, "Retention step {Step} failed for closed customer {CustomerId}; it is tried again at the next run",
                        step, customerId);
                }
            }
            if (dueNow.Count < batch.Count || batch.Count < BatchSize)
            {
                return (done, failed.Count);
            }
        }
    }

    private async Task<bool> AnonymiseAsync(string customerId, DateTime now, IDictionary<string, int> rows, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await MarkAsync(db, customerId, RetentionStep.Kept, RetentionStep.Anonymising, cancellationToken))
        {
            return false;
        }
        var number = await db.Customers.Where(c => c.Id == customerId).Select(c => c.CustomerNumber).SingleAsync(cancellationToken);
        var counts = new Dictionary<string, int>
        {
            ["ProfileChanges"] = await customers.AnonymiseAsync(db, customerId, cancellationToken),
            ["Customers"] = 1,
            ["AspNetUsers"] = await AnonymiseSignInAsync(db, customerId, number, cancellationToken),
            ["AspNetUserPasskeys"] = await db.UserPasskeys.Where(p => p.UserId == customerId).ExecuteDeleteAsync(cancellationToken),
            ["AspNetUserTokens"] = await db.UserTokens.Where(t => t.UserId == customerId).ExecuteDeleteAsync(cancellationToken),
            ["AspNetUserLogins"] = await db.UserLogins.Where(l => l.UserId == customerId).ExecuteDeleteAsync(cancellationToken),
            ["SignInRecords"] = await db.SignInRecords
                .Where(r => r.UserId == customerId && (r.Network != RetentionRules.RemovedClient || r.Browser != RetentionRules.RemovedClient))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Network, RetentionRules.RemovedClient)
                    .SetProperty(r => r.Browser, RetentionRules.RemovedClient), cancellationToken),
            ["ConsentRecords"] = await ConsentLedger.AnonymiseAsync(db, customerId, number, cancellationToken),
            ["Notifications"] = await NotificationService.RemoveAllAsync(db, customerId, cancellationToken),
            ["OutboxMessages"] = await outbox.RemoveDoneAsync(db, customerId, cancellationToken),
        };
        var card = await cards.RemoveForRetentionAsync(db, customerId, cancellationToken);
        (counts["PaymentCards"], counts["GatewayCustomers"]) = (card.Cards, card.GatewayCustomers);
        (counts["DomainContacts"], counts["DomainChanges"], counts["TechnicalContactMoveSteps"]) =
            await domains.RemovePersonalContactsAsync(db, customerId, number, cancellationToken);
        foreach (var part in otherParts)
        {
            foreach (var (table, count) in await part.AnonymiseAsync(db, customerId, number, cancellationToken))
            {
                counts[table] = count;
            }
        }
        await db.AccountClosures.Where(c => c.CustomerId == customerId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Retention, RetentionStep.Anonymised).SetProperty(c => c.AnonymisedAt, now),
                cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        await cards.ForgetAsync(card, cancellationToken);
        Add(rows, counts);
        logger.LogInformation("Removed the personal data of customer {CustomerId}, closed more than {Days} days ago",
            customerId, options.Value.ClosedAccountDays);
        return true;
    }

    /// <summary>The sign-in identity: an address nobody receives, the number for a name, no password, phone or second factor.</summary>
    private async Task<int> AnonymiseSignInAsync(AppDbContext db, string customerId, string number, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleAsync(u => u.Id == customerId, cancellationToken);
        var placeholder = RetentionRules.PlaceholderEmail(number);
        user.Email = placeholder;
        user.NormalizedEmail = normalizer.NormalizeEmail(placeholder);
        user.UserName = placeholder;
        user.NormalizedUserName = normalizer.NormalizeName(placeholder);
        user.EmailConfirmed = false;
        user.DisplayName = number;
        user.PasswordHash = null;
        user.PhoneNumber = null;
        user.PhoneNumberConfirmed = false;
        user.TwoFactorEnabled = false;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        await db.SaveChangesAsync(cancellationToken);
        return 1;
    }

    private async Task<bool> RemoveRecordsAsync(string customerId, DateTime now, IDictionary<string, int> rows, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await MarkAsync(db, customerId, RetentionStep.Anonymised, RetentionStep.RemovingRecords, cancellationToken))
        {
            return false;
        }
        var (records, states) = await ConsentLedger.RemoveAsync(db, customerId, cancellationToken);
        var log = await DisclosureLedger.RemoveLogAsync(db, customerId, cancellationToken);
        await db.AccountClosures.Where(c => c.CustomerId == customerId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Retention, RetentionStep.RecordsRemoved).SetProperty(c => c.RecordsRemovedAt, now),
                cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        Add(rows, new Dictionary<string, int>
        {
            ["ConsentRecords"] = records, ["ConsentStates"] = states, ["DisclosureNotices"] = log.Notices,
            ["DisclosureEntries"] = log.Entries, ["PendingDisclosureEntries"] = log.Pending, ["DisclosureChainHeads"] = log.Heads,
        });
        logger.LogInformation("Removed the records kept by law of customer {CustomerId}, closed more than {Years} years ago",
            customerId, RetentionRules.LegalRecordYears);
        return true;
    }

    /// <summary>Moves the closure from one step to the next; false when another run got there first.</summary>
    private static async Task<bool> MarkAsync(AppDbContext db, string customerId, RetentionStep from, RetentionStep to,
        CancellationToken cancellationToken) =>
        await db.AccountClosures.Where(c => c.CustomerId == customerId && c.Retention == from)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Retention, to), cancellationToken) == 1;

    private static void Add(IDictionary<string, int> rows, IReadOnlyDictionary<string, int> counts)
    {
        foreach (var (table, count) in counts.Where(c => c.Value > 0))
        {
            rows[table] = rows.TryGetValue(table, out var before) ? before + count : count;
        }
    }
}

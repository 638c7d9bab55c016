using System.Security.Cryptography;
using System.Text;
using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Disclosures;
using Com1ControlPanel.Features.Disclosures.Log;
using Com1ControlPanel.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Tests.Features.Disclosures.Log;

/// <summary>Customers and their disclosure logs in a test database, written the way the ledger writes them.</summary>
internal sealed class LogTestData(IDbContextFactory<AppDbContext> database)
{
    private readonly DisclosureLedger ledger = new(TimeProvider.System);

    public static readonly DateTime Start = new(2024, 1, 10, 12, 0, 0, DateTimeKind.Utc);

    public string Customer(string id)
    {
        using var db = database.CreateDbContext();
        TestCustomers.Add(db, id, $"Customer {id}");
        return id;
    }

    public DisclosureLogService ServiceFor(string customerId) => new(database, SignedIn.Customer(customerId), TimeProvider.System);

    public static Disclosure NewDisclosure(
        string recipient,
        RecipientCategory category = RecipientCategory.ServiceProvider,
        DisclosureGround ground = DisclosureGround.ProvideService,
        DataCategories data = DataCategories.Name | DataCategories.EmailAddress,
        string description = "Contact details so the data centre can reach you.",
        string reference = "",
        DateTime? occurredAt = null,
        NoticeRule notice = NoticeRule.NotifyNow,
        DateTime? delayedUntil = null,
        Guid? corrects = null) => new()
    {
        RecipientName = recipient,
        RecipientCategory = category,
        Ground = ground,
        Categories = data,
        Description = description,
        Reference = reference,
        OccurredAt = occurredAt ?? Start,
        RecordedAt = (occurredAt ?? Start).AddHours(2),
        RecordedByUserId = "compliance-officer-id",
        RecordedByName = "Morgan Lee",
        NoticeRule = notice,
        NoticeDelayedUntil = delayedUntil,
        CorrectsId = corrects,
        AffectedCustomers = 1,
        Status = DisclosureStatus.Recorded,
    };

    /// <summary>Records <paramref name="disclosure"/> as the next entry in each customer's log.</summary>
    public async Task<Disclosure> RecordAsync(Disclosure disclosure, params string[] customers)
    {
        await ledger.ExclusiveAsync(async () =>
        {
            await using var db = await database.CreateDbContextAsync();
            db.Disclosures.Add(disclosure);
            await ledger.AppendAsync(db, disclosure, customers);
            await db.SaveChangesAsync();
            return true;
        });
        return disclosure;
    }

    /// <summary><paramref name="count"/> disclosures for one customer, a day apart, named "Recipient 1", "Recipient 2"…</summary>
    public async Task RecordManyAsync(string customer, int count, Func<int, Disclosure>? make = null)
    {
        for (var i = 1; i <= count; i++)
        {
            await RecordAsync(make?.Invoke(i) ?? NewDisclosure($"Recipient {i}", occurredAt: Start.AddDays(i)), customer);
        }
    }

    /// <summary>A disclosure whose notice the law delays: pending for the customer, not in their log.</summary>
    public async Task<Disclosure> RecordPendingAsync(string customer, string recipient, DateTime releaseAt)
    {
        var disclosure = NewDisclosure(recipient, RecipientCategory.LawEnforcement, DisclosureGround.LegalRequirement,
            DataCategories.CustomerLogs, "Sign-in logs, under a warrant.", "Warrant W-1", notice: NoticeRule.DelayedUntil,
            delayedUntil: releaseAt);
        await using var db = await database.CreateDbContextAsync();
        db.Disclosures.Add(disclosure);
        db.PendingDisclosureEntries.Add(new PendingDisclosureEntry { CustomerId = customer, DisclosureId = disclosure.Id, ReleaseAt = releaseAt });
        await db.SaveChangesAsync();
        return disclosure;
    }

    /// <summary>Runs SQL as someone with access to the database file would, bypassing the app.</summary>
    public async Task TamperAsync(FormattableString sql)
    {
        await using var db = await database.CreateDbContextAsync();
        await db.Database.ExecuteSqlAsync(sql);
    }

    public static async Task<List<DisclosureLogItem>> AllPagesAsync(DisclosureLogService log, DisclosureFilter? filter = null)
    {
        var items = new List<DisclosureLogItem>();
        int? cursor = null;
        do
        {
            var page = await log.GetPageAsync(filter ?? DisclosureFilter.None, cursor);
            items.AddRange(page.Items);
            cursor = page.OlderThan;
        }
        while (cursor is not null);
        return items;
    }

    /// <summary>
    /// What the README's offline recipe does with an exported entry: rebuild the canonical text from the exported fields
    /// and hash it. Independent of the app's own code on purpose.
    /// </summary>
    public static string OfflineHash(IReadOnlyDictionary<string, string> entry)
    {
        string[] keys = ["customer", "sequence", "disclosure", "recipient", "recipientCategory", "ground", "dataCategories",
            "description", "reference", "occurredAt", "recordedAt", "recordedBy", "notice", "corrects", "previous"];
        var text = new StringBuilder("com1-disclosure-entry-v1\n");
        foreach (var key in keys)
        {
            var value = entry[key].Replace("\\", "\\\\").Replace("\r", "\\r").Replace("\n", "\\n");
            text.Append(key).Append('=').Append(value).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Disclosures;

namespace Com1ControlPanel.Tests.Kit;

/// <summary>Entries in customers' disclosure logs, written through the app's own ledger, as recording writes them.</summary>
public sealed class TestDisclosures(IServiceProvider services)
{
    /// <summary>When the first of <see cref="RecordManyAsync"/>'s disclosures happened, a day before the second.</summary>
    public static readonly DateTime Start = new(2024, 1, 10, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>A disclosure as compliance records it: to a service provider, of name and email, told now, unless said otherwise.</summary>
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
        var ledger = services.GetRequiredService<DisclosureLedger>();
        await ledger.ExclusiveAsync(async () =>
        {
            await using var db = await Database.CreateDbContextAsync();
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

    /// <summary>A disclosure to the police whose notice the law delays until <paramref name="releaseAt"/>: not in the log yet.</summary>
    public async Task<Disclosure> RecordPendingAsync(string customer, string recipient, DateTime releaseAt)
    {
        var disclosure = NewDisclosure(recipient, RecipientCategory.LawEnforcement, DisclosureGround.LegalRequirement,
            DataCategories.CustomerLogs, "Sign-in logs, under a warrant.", "Warrant W-1", notice: NoticeRule.DelayedUntil,
            delayedUntil: releaseAt);
        await using var db = await Database.CreateDbContextAsync();
        db.Disclosures.Add(disclosure);
        db.PendingDisclosureEntries.Add(new PendingDisclosureEntry { CustomerId = customer, DisclosureId = disclosure.Id, ReleaseAt = releaseAt });
        await db.SaveChangesAsync();
        return disclosure;
    }

    private IDbContextFactory<AppDbContext> Database => services.GetRequiredService<IDbContextFactory<AppDbContext>>();
}

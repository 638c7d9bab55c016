using Com1ControlPanel.Features.Disclosures;
using Com1ControlPanel.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Data.DemoData;

/// <summary>
/// Alice's disclosure log: a partner programme, the public domain registry and a court subpoena she can see, and a police
/// warrant whose notice is delayed a year, which she must not see until then.
/// </summary>
internal sealed class DemoDisclosures(AppDbContext db, DisclosureLedger ledger, TimeProvider time)
{
    public async Task SeedAsync(string aliceId, string complianceId, string complianceName)
    {
        if (await db.DisclosureChainHeads.AnyAsync(h => h.CustomerId == aliceId)
            || await db.PendingDisclosureEntries.AnyAsync(p => p.CustomerId == aliceId))
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var alice = await db.Users.AsNoTracking().Where(u => u.Id == aliceId).Select(u => new { u.Email, u.DisplayName }).SingleAsync();
        Disclosure Make(string recipient, RecipientCategory category, DisclosureGround ground, DataCategories data,
            string description, string reference, DateTime occurred, NoticeRule notice, DateTime? delayedUntil = null) => new()
        {
            RecipientName = recipient, RecipientCategory = category, Ground = ground, Categories = data,
            Description = description, Reference = reference, OccurredAt = occurred, RecordedAt = occurred.AddHours(3),
            RecordedByUserId = complianceId, RecordedByName = complianceName, NoticeRule = notice,
            NoticeDelayedUntil = delayedUntil, AffectedCustomers = 1, Status = DisclosureStatus.Recorded,
        };

        var visible = new[]
        {
            Make("Public .example domain registry", RecipientCategory.DomainRegistry, DisclosureGround.ProvideService,
                DataCategories.Name | DataCategories.PostalAddress | DataCategories.EmailAddress | DataCategories.Telephone
                    | DataCategories.DomainRegistration,
                "Registration data of morgandaughters.example, published in the public domain registry as registering a domain requires.",
                "Domain morgandaughters.example", new DateTime(2019, 3, 15, 10, 0, 0, DateTimeKind.Utc), NoticeRule.NoSeparateNotice),
            Make("Nexa Web Partners Ltd", RecipientCategory.Partner, DisclosureGround.PartnerProgramme,
                DataCategories.Name | DataCategories.EmailAddress | DataCategories.ChoiceOfServices,
                "Your name, email address and services, for the Nexa site-speed add-on partner programme.",
                "Partner agreement PA-2024-07", new DateTime(2025, 3, 10, 9, 30, 0, DateTimeKind.Utc), NoticeRule.NotifyNow),
            Make("Superior Court of California, County of San Francisco", RecipientCategory.CourtOrLegalProcess,
                DisclosureGround.LegalRequirement, DataCategories.Name | DataCategories.CustomerLogs | DataCategories.ChoiceOfServices,
                "Account holder details and sign-in logs for March 2025, produced in answer to a subpoena in a civil case.",
                "Subpoena CGC-25-612345", new DateTime(2025, 6, 2, 14, 0, 0, DateTimeKind.Utc), NoticeRule.NotifyNow),
        };
        var warrant = Make("Metro Police Department", RecipientCategory.LawEnforcement, DisclosureGround.LegalRequirement,
            DataCategories.CustomerLogs | DataCategories.ContentsOfCommunications,
            "Mailbox contents and sign-in logs, under a search warrant.", "Warrant 2026-SW-0457",
            now.AddDays(-2), NoticeRule.DelayedUntil, now.AddDays(365));

        await ledger.ExclusiveAsync(async () =>
        {
            db.Disclosures.AddRange(visible);
            db.Disclosures.Add(warrant);
            foreach (var disclosure in visible)
            {
                var entry = (await ledger.AppendAsync(db, disclosure, [aliceId])).Single();
                await db.SaveChangesAsync();
                if (disclosure.NoticeRule == NoticeRule.NotifyNow)
                {
                    // She was told back then: no fresh emails about old disclosures at every demo start, but the email she
                    // got then is among her messages, as the log says.
                    var told = disclosure.RecordedAt.AddHours(1);
                    db.DisclosureNotices.Add(new DisclosureNotice { EntryId = entry.Id, CustomerId = aliceId, NotifiedAt = told });
                    AddSentEmail(DisclosureNotices.Email(aliceId, alice.Email!, alice.DisplayName, disclosure.RecipientName), told);
                    await db.SaveChangesAsync();
                }
            }
            db.PendingDisclosureEntries.Add(new PendingDisclosureEntry
            {
                CustomerId = aliceId, DisclosureId = warrant.Id, ReleaseAt = warrant.NoticeDelayedUntil!.Value,
            });
            await db.SaveChangesAsync();
            return true;
        });
    }

    private void AddSentEmail(OutboundEmail email, DateTime at) => db.OutboxMessages.Add(new OutboxMessage
    {
        RecipientUserId = email.RecipientUserId,
        ToAddress = email.ToAddress,
        Subject = email.Subject,
        Category = email.Category,
        HtmlBody = email.Content.Html,
        TextBody = email.Content.Text,
        PanelText = email.PanelText,
        CreatedAt = at,
        NextAttemptAt = at,
        SentAt = at,
        Status = OutboxStatus.Sent,
        Attempts = 1,
    });
}

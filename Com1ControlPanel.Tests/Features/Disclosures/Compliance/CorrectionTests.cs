using Com1ControlPanel.Features.Disclosures;
using Com1ControlPanel.Features.Disclosures.Compliance;
using static Com1ControlPanel.Tests.Features.Disclosures.Compliance.ComplianceTestData;

namespace Com1ControlPanel.Tests.Features.Disclosures.Compliance;

/// <summary>Nothing recorded is edited: a correction is a new disclosure that points at the one it corrects.</summary>
public sealed class CorrectionTests : ComplianceTest
{
    private async Task<Guid> RecordForListAsync(DisclosureDraft draft, params string[] customers)
    {
        var result = await Recorder.RecordAsync(draft, DisclosureAudience.List(string.Join('\n', customers.Select(c => $"{c}@example.com"))));
        await Kit.WriteQueuedAsync();
        return Assert.IsType<DisclosureRecordResult.Writing>(result).Id;
    }

    private async Task<Guid> RecordSecretAsync(string customer, DateTime until)
    {
        var result = await Recorder.RecordAsync(Draft(recipient: RecipientCategory.LawEnforcement, recipientName: "Metro Police Department",
            notice: NoticeRule.DelayedUntil, delayedUntil: until), DisclosureAudience.One(customer));
        return Assert.IsType<DisclosureRecordResult.Recorded>(result).Id;
    }

    [Fact]
    public async Task A_correction_is_a_new_entry_for_the_same_customers_pointing_at_the_original_and_both_stay()
    {
        string[] customers = [await Kit.CustomerAsync("a"), await Kit.CustomerAsync("b")];
        var bystander = await Kit.CustomerAsync("c");
        var originalId = await RecordForListAsync(Draft(), customers);

        var correction = (await Recorder.CorrectionDraftAsync(originalId))!;
        correction.Description = "Account holder details only; no sign-in logs were produced.";
        correction.Categories = DataCategories.Name;
        // The audience sent with a correction is ignored: it reaches exactly the original's customers.
        var result = await Recorder.RecordAsync(correction, DisclosureAudience.One(bystander));
        await Kit.WriteQueuedAsync();

        var correctionId = Assert.IsType<DisclosureRecordResult.Writing>(result).Id;
        await using var db = Kit.CreateDbContext();
        var original = await db.Disclosures.AsNoTracking().SingleAsync(d => d.Id == originalId);
        Assert.Equal((DataCategories.Name | DataCategories.CustomerLogs, "Account holder details and sign-in logs, produced under a court order."),
            (original.Categories, original.Description));
        Assert.Equal(originalId, (await db.Disclosures.AsNoTracking().SingleAsync(d => d.Id == correctionId)).CorrectsId);
        foreach (var customer in customers)
        {
            var log = await db.DisclosureEntries.Where(e => e.CustomerId == customer).OrderBy(e => e.Sequence).Select(e => e.DisclosureId).ToListAsync();
            Assert.Equal([originalId, correctionId], log);
            Assert.True((await Kit.VerifyChainAsync(customer)).Intact);
        }
        Assert.False(await db.DisclosureEntries.AnyAsync(e => e.CustomerId == bystander));

        var register = await Recorder.ListAsync(null, 0);
        var listedCorrection = register.Items.Single(d => d.Id == correctionId);
        var listedOriginal = register.Items.Single(d => d.Id == originalId);
        Assert.Equal(originalId, listedCorrection.Corrects!.Id);
        Assert.Equal(correctionId, Assert.Single(listedOriginal.CorrectedBy).Id);
    }

    [Fact]
    public async Task A_correction_of_an_unknown_disclosure_is_refused()
    {
        var correction = Draft();
        correction.CorrectsId = Guid.NewGuid();

        var result = await Recorder.RecordAsync(correction, DisclosureAudience.Everyone);

        var invalid = Assert.IsType<DisclosureRecordResult.Invalid>(result);
        Assert.Equal("There is no recorded disclosure to correct with this id.", Assert.Single(invalid.Errors[nameof(DisclosureDraft.CorrectsId)]));
        Assert.Null(await Recorder.CorrectionDraftAsync(Guid.NewGuid()));
        Assert.Equal((0, 0, 0, 0, 0, 0), await Kit.WrittenAsync());
    }

    [Fact]
    public async Task A_correction_of_a_disclosure_still_kept_secret_must_stay_secret_as_long()
    {
        var customer = await Kit.CustomerAsync("a");
        var until = Now.Date.AddDays(60);
        var originalId = await RecordSecretAsync(customer, until);

        var correction = (await Recorder.CorrectionDraftAsync(originalId))!;
        correction.NoticeRule = NoticeRule.NotifyNow;
        var told = Assert.IsType<DisclosureRecordResult.Invalid>(await Recorder.RecordAsync(correction, DisclosureAudience.Everyone));
        correction.NoticeRule = NoticeRule.DelayedUntil;
        correction.NoticeDelayedUntil = until.AddDays(-1);
        var earlier = Assert.IsType<DisclosureRecordResult.Invalid>(await Recorder.RecordAsync(correction, DisclosureAudience.Everyone));

        Assert.StartsWith("The law keeps the corrected disclosure from its customers until", told.Errors[nameof(DisclosureDraft.NoticeRule)][0]);
        Assert.StartsWith("The law keeps the corrected disclosure from its customers until", earlier.Errors[nameof(DisclosureDraft.NoticeRule)][0]);
        Assert.Equal(1, await Kit.CountAsync(db => db.Disclosures));
    }

    [Fact]
    public async Task A_secret_disclosure_and_its_correction_join_a_new_log_together_when_the_delay_ends()
    {
        var customer = await Kit.CustomerAsync("a");
        var until = Now.Date.AddDays(60);
        var originalId = await RecordSecretAsync(customer, until);
        var correction = (await Recorder.CorrectionDraftAsync(originalId))!;
        correction.Reference = "Warrant 2026-SW-0457 (amended)";
        await Recorder.RecordAsync(correction, DisclosureAudience.Everyone);
        await Kit.WriteQueuedAsync();
        Assert.Equal(2, await Kit.CountAsync(db => db.PendingDisclosureEntries));

        Kit.Clock.SetUtcNow(until.AddHours(1));
        await Notices.RunOnceAsync();

        await using var db = Kit.CreateDbContext();
        var log = await db.DisclosureEntries.Include(e => e.Disclosure).Where(e => e.CustomerId == customer).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal([(1, originalId), (2, log[1].DisclosureId)], log.Select(e => (e.Sequence, e.DisclosureId)));
        Assert.Equal(originalId, log[1].Disclosure!.CorrectsId);
        Assert.True((await Kit.VerifyChainAsync(customer)).Intact);
    }
}

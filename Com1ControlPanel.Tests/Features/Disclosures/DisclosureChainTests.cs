using Com1ControlPanel.Features.Disclosures;

namespace Com1ControlPanel.Tests.Features.Disclosures;

public sealed class DisclosureChainTests
{
    private const string Customer = "customer-1";

    private static Disclosure NewDisclosure(string recipient, string description = "Logs for March") => new()
    {
        RecipientName = recipient,
        RecipientCategory = RecipientCategory.CourtOrLegalProcess,
        Ground = DisclosureGround.LegalRequirement,
        Categories = DataCategories.Name | DataCategories.CustomerLogs,
        Description = description,
        Reference = "Case 42",
        OccurredAt = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc),
        RecordedAt = new DateTime(2026, 3, 2, 12, 0, 0, DateTimeKind.Utc),
        RecordedByUserId = "compliance",
        RecordedByName = "Morgan",
        NoticeRule = NoticeRule.NotifyNow,
    };

    /// <summary>A log of <paramref name="count"/> entries linked as the ledger links them, and its head.</summary>
    private static (List<DisclosureEntry> Entries, DisclosureChainHead Head) Log(int count)
    {
        var entries = new List<DisclosureEntry>();
        var previous = DisclosureChain.Genesis;
        for (var sequence = 1; sequence <= count; sequence++)
        {
            var disclosure = NewDisclosure($"Recipient {sequence}");
            var hash = DisclosureChain.HashOf(Customer, sequence, disclosure, previous);
            entries.Add(new DisclosureEntry
            {
                CustomerId = Customer, DisclosureId = disclosure.Id, Disclosure = disclosure, Sequence = sequence,
                PreviousHash = previous, Hash = hash,
            });
            previous = hash;
        }
        return (entries, new DisclosureChainHead { CustomerId = Customer, Sequence = count, Hash = previous });
    }

    [Fact]
    public void An_untouched_log_verifies_and_names_its_head_hash()
    {
        var (entries, head) = Log(5);

        var result = DisclosureChain.Verify(Customer, entries, head);

        Assert.True(result.Intact);
        Assert.Equal((5, head.Hash), (result.VerifiedEntries, result.HeadHash));
    }

    [Fact]
    public void A_changed_disclosure_is_found_at_exactly_its_entry()
    {
        var (entries, head) = Log(5);
        var third = entries[2];
        entries[2] = new DisclosureEntry
        {
            CustomerId = Customer, DisclosureId = third.DisclosureId, Sequence = 3, PreviousHash = third.PreviousHash, Hash = third.Hash,
            Disclosure = NewDisclosure("Recipient 3", description: "Something harmless"),
        };

        var result = DisclosureChain.Verify(Customer, entries, head);

        Assert.Equal(ChainProblem.EntryChanged, result.Problem);
        Assert.Equal(3, result.FirstMismatch!.Sequence);
        Assert.Equal(2, result.VerifiedEntries);
    }

    [Fact]
    public void A_removed_entry_is_found()
    {
        var (entries, head) = Log(5);
        entries.RemoveAt(1);

        var result = DisclosureChain.Verify(Customer, entries, head);

        Assert.Equal(ChainProblem.EntryMissingOrMoved, result.Problem);
        Assert.Equal(1, result.VerifiedEntries);
    }

    [Fact]
    public void Reordered_entries_are_found()
    {
        var (entries, head) = Log(5);
        (entries[3], entries[4]) = (entries[4], entries[3]);

        Assert.Equal(ChainProblem.EntryMissingOrMoved, DisclosureChain.Verify(Customer, entries, head).Problem);
    }

    [Fact]
    public void Removing_the_newest_entries_is_found_through_the_head()
    {
        var (entries, head) = Log(5);
        entries.RemoveRange(3, 2);

        Assert.Equal(ChainProblem.NewestEntriesMissing, DisclosureChain.Verify(Customer, entries, head).Problem);
    }

    [Fact]
    public void The_same_entry_for_another_customer_does_not_verify()
    {
        var (entries, head) = Log(3);

        Assert.False(DisclosureChain.Verify("customer-2", entries, head).Intact);
    }

    [Fact]
    public void A_line_break_in_a_value_cannot_forge_another_field()
    {
        var honest = NewDisclosure("Acme", description: "Logs");
        var forged = NewDisclosure("Acme", description: "Logs\nreference=Case 42");

        Assert.NotEqual(DisclosureChain.Canonical(Customer, 1, honest, DisclosureChain.Genesis),
            DisclosureChain.Canonical(Customer, 1, forged, DisclosureChain.Genesis));
        Assert.DoesNotContain("\nreference=Case 42\nreference", DisclosureChain.Canonical(Customer, 1, forged, DisclosureChain.Genesis));
    }

    [Fact]
    public void The_canonical_form_is_stable_text_anyone_can_recompute()
    {
        var disclosure = NewDisclosure("Acme");
        var canonical = DisclosureChain.Canonical(Customer, 1, disclosure, DisclosureChain.Genesis);

        Assert.StartsWith("com1-disclosure-entry-v1\ncustomer=customer-1\nsequence=1\n", canonical);
        Assert.Contains("dataCategories=Name,CustomerLogs\n", canonical);
        Assert.Contains("occurredAt=2026-03-01T12:00:00Z\n", canonical);
        Assert.Equal(64, DisclosureChain.Hash(canonical).Length);
    }
}

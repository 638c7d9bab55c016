namespace Com1ControlPanel.Features.Disclosures.Log;

/// <summary>
/// The outcome of "Verify this log", in the customer's words: how many entries were verified and the head hash, or
/// which entry no longer matches and what is wrong with it.
/// </summary>
public sealed record LogVerification(
    ChainProblem Problem,
    int VerifiedEntries,
    int TotalEntries,
    string HeadHash,
    LogEntryReference? Entry,
    string Explanation)
{
    public bool Intact => Problem == ChainProblem.None;

    /// <summary>Turns the chain's verdict into the customer's answer.</summary>
    public static LogVerification From(ChainVerification result, DisclosureChainHead? head)
    {
        var entry = result.FirstMismatch is { } mismatch
            ? new LogEntryReference(mismatch.Sequence, mismatch.Disclosure?.OccurredAt, mismatch.Disclosure?.RecipientName)
            : null;
        var expected = result.VerifiedEntries + 1;
        var explanation = result.Problem switch
        {
            ChainProblem.None => result.TotalEntries == 0
                ? "Your log has no entries yet, so there is nothing to verify."
                : $"Every entry matches what was recorded, and each links to the one before it. Verified {Entries(result.VerifiedEntries)}.",
            ChainProblem.EntryChanged => $"Entry #{entry!.Sequence} no longer matches what was recorded: its content (recipient, "
                + "reason, data, description, reference, dates or notice) was changed after it was written." + Before(result.VerifiedEntries),
            ChainProblem.EntryMissingOrMoved when entry!.Sequence > expected =>
                (entry.Sequence == expected + 1 ? $"Entry #{expected} is missing: " : $"Entries #{expected} to #{entry.Sequence - 1} are missing: ")
                + (expected == 1 ? $"the log starts at entry #{entry.Sequence}." : $"the log goes from entry #{expected - 1} straight to entry #{entry.Sequence}.")
                + Before(result.VerifiedEntries),
            ChainProblem.EntryMissingOrMoved => $"Entry #{entry!.Sequence} does not link to the entry before it: entries were "
                + "reordered, or an entry before it was replaced." + Before(result.VerifiedEntries),
            _ when head is null => $"The record of your log's newest entry is missing, although the log has {Entries(result.TotalEntries)}.",
            _ when head.Sequence > result.TotalEntries => $"The newest entries were removed: your log should have "
                + $"{Entries(head.Sequence)}, but only {result.TotalEntries} are left.",
            _ => $"Your log's newest entry is not the one recorded as its newest: it should be entry #{head.Sequence} "
                + $"with hash {head.Hash}.",
        };
        return new LogVerification(result.Problem, result.VerifiedEntries, result.TotalEntries, result.HeadHash, entry, explanation);
    }

    private static string Before(int verified) => verified == 0 ? "" : $" The {Entries(verified)} before it verified.";

    private static string Entries(int count) => count == 1 ? "1 entry" : $"{count} entries";
}

/// <summary>The entry a verification points at, so the customer can find it in the timeline.</summary>
public sealed record LogEntryReference(int Sequence, DateTime? OccurredAt, string? RecipientName);

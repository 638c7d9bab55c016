using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Com1ControlPanel.Features.Disclosures;

/// <summary>
/// The tamper-evident form of a customer's disclosure log. Every entry's hash is the SHA-256 of its canonical text,
/// which includes the previous entry's hash, so changing, removing or reordering any entry breaks every later link.
/// The canonical form is documented in the README so anyone can verify an export offline.
/// </summary>
public static class DisclosureChain
{
    /// <summary>The "previous hash" of a customer's first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string Canonical(string customerId, int sequence, Disclosure disclosure, string previousHash) =>
        Canonical(customerId, sequence, Content(disclosure), previousHash);

    /// <summary>
    /// The lines of the canonical text that come from the disclosure itself: the same for every customer it affects, so a
    /// group disclosure builds them once rather than once per customer.
    /// </summary>
    public static string Content(Disclosure disclosure) => new StringBuilder()
        .Append("disclosure=").Append(disclosure.Id.ToString("D")).Append('\n')
        .Append("recipient=").Append(Escape(disclosure.RecipientName)).Append('\n')
        .Append("recipientCategory=").Append(disclosure.RecipientCategory).Append('\n')
        .Append("ground=").Append(disclosure.Ground).Append('\n')
        .Append("dataCategories=").Append(string.Join(",", disclosure.Categories.Each())).Append('\n')
        .Append("description=").Append(Escape(disclosure.Description)).Append('\n')
        .Append("reference=").Append(Escape(disclosure.Reference)).Append('\n')
        .Append("occurredAt=").Append(Time(disclosure.OccurredAt)).Append('\n')
        .Append("recordedAt=").Append(Time(disclosure.RecordedAt)).Append('\n')
        .Append("recordedBy=").Append(Escape(disclosure.RecordedByUserId)).Append('\n')
        .Append("notice=").Append(disclosure.NoticeRule)
        .Append(disclosure.NoticeDelayedUntil is { } until ? ":" + Time(until) : "").Append('\n')
        .Append("corrects=").Append(disclosure.CorrectsId?.ToString("D") ?? "").Append('\n')
        .ToString();

    /// <param name="content">The disclosure's lines, from <see cref="Content"/>.</param>
    public static string Canonical(string customerId, int sequence, string content, string previousHash) =>
        string.Concat("com1-disclosure-entry-v1\ncustomer=", Escape(customerId),
            "\nsequence=", sequence.ToString(CultureInfo.InvariantCulture), "\n",
            content, "previous=", previousHash, "\n");

    public static string Hash(string canonical) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));

    public static string HashOf(string customerId, int sequence, Disclosure disclosure, string previousHash) =>
        Hash(Canonical(customerId, sequence, disclosure, previousHash));

    public static string HashOf(string customerId, int sequence, string content, string previousHash) =>
        Hash(Canonical(customerId, sequence, content, previousHash));

    /// <summary>
    /// Recomputes a customer's chain from its first entry. <paramref name="entries"/> must be the whole log, each with its
    /// disclosure, in stored order (by sequence). <paramref name="head"/>, kept apart from the entries, reveals newest
    /// entries that were removed, which would otherwise leave a shorter chain that is still intact.
    /// </summary>
    public static ChainVerification Verify(string customerId, IReadOnlyList<DisclosureEntry> entries, DisclosureChainHead? head)
    {
        var previous = Genesis;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry.Sequence != i + 1 || entry.PreviousHash != previous || entry.CustomerId != customerId)
            {
                return new ChainVerification(ChainProblem.EntryMissingOrMoved, i, entries.Count, previous, entry);
            }
            if (entry.Disclosure is null || HashOf(customerId, entry.Sequence, entry.Disclosure, previous) != entry.Hash)
            {
                return new ChainVerification(ChainProblem.EntryChanged, i, entries.Count, previous, entry);
            }
            previous = entry.Hash;
        }
        if (entries.Count > 0 || head is not null)
        {
            if (head is null || head.Sequence != entries.Count || head.Hash != previous)
            {
                return new ChainVerification(ChainProblem.NewestEntriesMissing, entries.Count, entries.Count, previous, null);
            }
        }
        return new ChainVerification(ChainProblem.None, entries.Count, entries.Count, previous, null);
    }

    // UTC to the second, ISO 8601: the same text on every machine and provider.
    private static string Time(DateTime time) =>
        DateTime.SpecifyKind(time, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    // Backslashes and line breaks are escaped, so no value can fake another field's line.
    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);
}

/// <summary>
/// The outcome of recomputing a chain: how many entries matched, the hash of the last good link, and, when it broke,
/// what is wrong and the first entry that no longer matches.
/// </summary>
public sealed record ChainVerification(
    ChainProblem Problem, int VerifiedEntries, int TotalEntries, string HeadHash, DisclosureEntry? FirstMismatch)
{
    public bool Intact => Problem == ChainProblem.None;
}

public enum ChainProblem
{
    None,
    /// <summary>An entry's content (or its disclosure's) is not what was hashed when it was written.</summary>
    EntryChanged,
    /// <summary>An entry is missing, or entries are out of order.</summary>
    EntryMissingOrMoved,
    /// <summary>The chain is intact but shorter than its recorded head: the newest entries were removed.</summary>
    NewestEntriesMissing,
}

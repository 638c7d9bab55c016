using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Infrastructure.Auditing;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Announcements;

/// <summary>
/// The call lists and postal mailing lists of the marketing topics, as CSV: only the customers who allow the topic on
/// that channel at the moment of download. Names and addresses are typed by customers, so text that a spreadsheet would
/// run as a formula is escaped.
/// </summary>
public sealed class ContactLists(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    ILogger<ContactLists> logger)
{
    public static readonly IReadOnlyList<ContactChannel> Channels = [ContactChannel.Phone, ContactChannel.PostalMail];

    /// <summary>Every list there is, in the order the page shows them.</summary>
    public static IEnumerable<ConsentKey> All =>
        AnnouncementDraft.Topics.SelectMany(topic => Channels.Select(channel => new ConsentKey(topic, channel)));

    private static readonly CsvWriterOptions Csv = new() { Injection = CsvInjection.Escape };

    private static readonly string[] PhoneColumns = ["Customer number", "Name", "Company", "Phone", "Mobile phone", "Country"];
    private static readonly string[] PostalColumns = ["Customer number", "Name", "Company", "Street", "City", "State or region", "Postal code", "Country"];

    /// <summary>The list for a topic and channel named in a URL, or null when there is no such list.</summary>
    public static ConsentKey? Parse(string? topic, string? channel) =>
        ConsentKey.Parse(topic, channel) is { } key && AnnouncementDraft.Topics.Contains(key.Purpose) && Channels.Contains(key.Channel)
            ? key
            : null;

    /// <summary>Where the list is downloaded, relative to the site root.</summary>
    public static string PathFor(ConsentKey key) => $"admin/announcements/lists/{key.Purpose}/{key.Channel}.csv";

    public static string FileNameFor(ConsentKey key, DateTime at) =>
        $"com1-{(key.Purpose == MarketingPurpose.ComProducts ? "com1-products" : "partner-offers")}-"
        + $"{(key.Channel == ContactChannel.Phone ? "call-list" : "mailing-list")}-{at:yyyyMMdd-HHmm}.csv";

    /// <summary>Writes the list to <paramref name="output"/> and returns how many customers it holds.</summary>
    public async Task<int> WriteAsync(ConsentKey key, Stream output, CancellationToken cancellationToken = default)
    {
        var (adminId, _) = await currentUser.RequireAdminAsync("download contact lists");
        if (Parse(key.Purpose.ToString(), key.Channel.ToString()) is null)
        {
            throw new ArgumentException("There is no such list.", nameof(key));
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var csv = CsvWriter.Create(output, Csv, leaveOpen: true);
        var phone = key.Channel == ContactChannel.Phone;
        csv.WriteHeader(phone ? PhoneColumns : PostalColumns);
        var count = 0;
        // Streamed from the one audience query, so a long list never sits in memory.
        await foreach (var m in MarketingAudience.Members(db, key).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            string?[] fields = phone
                ? [m.CustomerNumber, m.FullName, m.Company, m.Phone, m.MobilePhone, m.CountryCode]
                : [m.CustomerNumber, m.FullName, m.Company, m.Street, m.City, m.Region, m.PostalCode, m.CountryCode];
            await csv.WriteRecordAsync(fields!, cancellationToken);
            count++;
        }
        await csv.FlushAsync(cancellationToken);
        logger.LogInformation("{Channel} list for {Topic} downloaded by {ActorId}: {Count} customers", key.Channel, key.Purpose, adminId, count);
        return count;
    }
}

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

    /// <summary>"com1-products-call-list-2026-11-30.csv": the topic, the kind of list and the day it was made.</summary>
    public static string FileNameFor(ConsentKey key, DateTime at) =>
        $"com1-{(key.Purpose == MarketingPurpose.ComProducts ? "products" : "partner-offers")}-"
        + $"{(key.Channel == ContactChannel.Phone ? "call-list" : "mailing-list")}-{at:yyyy-MM-dd}.csv";

    /// <summary>
    /// The customers a list holds: on a call list only those with a phone or mobile number, since nobody can be called
    /// without one.
    /// </summary>
    public static IQueryable<AudienceMember> Listed(AppDbContext db, ConsentKey key) =>
        MarketingAudience.Members(db, key, withPhoneNumber: key.Channel == ContactChannel.Phone);

    /// <summary>How many a list holds and how many who allow its topic it leaves out.</summary>
    public static async Task<ContactListSize> MeasureAsync(AppDbContext db, ConsentKey key, CancellationToken cancellationToken)
    {
        var listed = await Listed(db, key).CountAsync(cancellationToken);
        var allowing = key.Channel == ContactChannel.Phone ? await MarketingAudience.Members(db, key).CountAsync(cancellationToken) : listed;
        return new ContactListSize(listed, allowing - listed);
    }

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
        await foreach (var m in Listed(db, key).AsAsyncEnumerable().WithCancellation(cancellationToken))
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

/// <summary>How many customers a list holds, and how many who allow the topic it leaves out for want of a phone number.</summary>
public sealed record ContactListSize(int Listed, int LeftOut);

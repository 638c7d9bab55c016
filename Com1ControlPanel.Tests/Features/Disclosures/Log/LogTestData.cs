using System.Security.Cryptography;
using System.Text;
using Com1ControlPanel.Features.Disclosures.Log;

namespace Com1ControlPanel.Tests.Features.Disclosures.Log;

/// <summary>Reading a customer's disclosure log as they do: their page of it, every page, and the offline check of an export.</summary>
internal static class LogTestData
{
    /// <summary>A customer with an empty log, known by <paramref name="id"/>.</summary>
    public static async Task<string> CustomerAsync(this IPanel kit, string id) => (await kit.Customers.NewAsync($"Customer {id}", id: id)).Id;

    /// <summary>The customer's own log service, as their page has it.</summary>
    public static DisclosureLogService LogOf(this IPanel kit, string customerId) =>
        kit.As(Principals.Customer(customerId)).Get<DisclosureLogService>();

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

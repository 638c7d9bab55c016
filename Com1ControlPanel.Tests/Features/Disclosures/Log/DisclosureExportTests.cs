using System.Text;
using System.Text.Json;
using Com1ControlPanel.Features.Disclosures;
using Com1ControlPanel.Features.Disclosures.Log;
using static Com1ControlPanel.Tests.Features.Disclosures.Log.LogTestData;
using static Com1ControlPanel.Tests.Kit.TestDisclosures;

namespace Com1ControlPanel.Tests.Features.Disclosures.Log;

public sealed class DisclosureExportTests : ServiceTest
{
    private static async Task<JsonDocument> JsonAsync(DisclosureExport export)
    {
        using var output = new MemoryStream();
        await DisclosureExportWriter.WriteJsonAsync(export, output);
        return JsonDocument.Parse(output.ToArray());
    }

    private static Dictionary<string, string> Fields(JsonElement entry) =>
        entry.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Number ? p.Value.GetRawText() : p.Value.GetString()!);

    [Fact]
    public async Task The_json_export_lets_anyone_recompute_every_hash_and_the_head_offline()
    {
        var customer = await Kit.CustomerAsync("exporter");
        var original = await Kit.Disclosures.RecordAsync(NewDisclosure("Nexa \\ Partners", RecipientCategory.Partner, DisclosureGround.PartnerProgramme,
            description: "Line one.\nLine two.", reference: "PA-2024-07"), customer);
        await Kit.Disclosures.RecordAsync(NewDisclosure("Registry", RecipientCategory.DomainRegistry, notice: NoticeRule.NoSeparateNotice), customer);
        await Kit.Disclosures.RecordAsync(NewDisclosure("Nexa \\ Partners", description: "Corrected.", corrects: original.Id,
            notice: NoticeRule.DelayedUntil, delayedUntil: new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)), customer);

        using var json = await JsonAsync(await Kit.LogOf(customer).ExportAsync());

        var root = json.RootElement;
        var entries = root.GetProperty("entries").EnumerateArray().Select(Fields).ToList();
        Assert.Equal("com1-disclosure-entry-v1", root.GetProperty("format").GetString());
        Assert.Equal(["1", "2", "3"], entries.Select(e => e["sequence"]));
        var previous = DisclosureChain.Genesis;
        foreach (var entry in entries)
        {
            Assert.Equal(previous, entry["previous"]);
            Assert.Equal(entry["hash"], OfflineHash(entry));
            previous = entry["hash"];
        }
        Assert.Equal(previous, root.GetProperty("headHash").GetString());
        Assert.Equal(3, root.GetProperty("headSequence").GetInt32());
        Assert.Equal("Line one.\nLine two.", entries[0]["description"]);
        Assert.Equal(original.Id.ToString("D"), entries[2]["corrects"]);
        Assert.Equal("DelayedUntil:2026-01-01T00:00:00Z", entries[2]["notice"]);
        Assert.Equal("Name,EmailAddress", entries[0]["dataCategories"]);
    }

    [Fact]
    public async Task The_csv_export_has_a_row_per_entry_in_the_pages_words_with_the_hashes_and_escapes_formulas()
    {
        var customer = await Kit.CustomerAsync("csv");
        await Kit.Disclosures.RecordAsync(NewDisclosure("=HYPERLINK(\"https://evil.example\",\"Click\")", reference: "+1 555 0100"), customer);
        await Kit.Disclosures.RecordAsync(NewDisclosure("Registry", RecipientCategory.DomainRegistry), customer);
        var export = await Kit.LogOf(customer).ExportForReadingAsync();
        using var output = new MemoryStream();

        await DisclosureExportWriter.WriteCsvAsync(export, output);

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Entry,When it was shared,Who received it,Kind of recipient,Why,What was shared,Description,Reference,"
            + "How you were told,Corrects,Recorded on,Recorded by,Added to your log,Hash of the entry before it,Hash (SHA-256)", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("1,\"10 Jan 2024, 12:00 UTC\",\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"Click\"\")\",Service provider,"
            + "Necessary to provide the service,\"Name, Email address\",", lines[1]);
        Assert.Contains(",\"'+1 555 0100\",", lines[1]);
        Assert.Contains(",Com 1 compliance (Morgan Lee),", lines[1]);
        Assert.EndsWith($",{DisclosureChain.Genesis},{(await Kit.LogOf(customer).GetDetailAsync(1))!.Hash}", lines[1]);
        Assert.StartsWith("2,", lines[2]);
    }

    [Fact]
    public async Task An_export_streams_a_large_log_in_chain_order()
    {
        var customer = await Kit.CustomerAsync("large");
        await Kit.Disclosures.RecordManyAsync(customer, 250);

        var export = await Kit.LogOf(customer).ExportAsync();
        var sequences = new List<int>();
        await foreach (var entry in export.Entries)
        {
            sequences.Add(entry.Sequence);
        }

        Assert.Equal(Enumerable.Range(1, 250), sequences);
        Assert.Equal(250, export.HeadSequence);
    }
}

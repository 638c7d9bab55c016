using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;

namespace Com1ControlPanel.Features.Disclosures.Log;

/// <summary>Writes an export as CSV or JSON, entry by entry, so a long log never sits in memory.</summary>
public static class DisclosureExportWriter
{
    public const string Format = "com1-disclosure-entry-v1";

    // Descriptions and references are typed by staff and recipients' names come from outside: text a spreadsheet would
    // run as a formula is escaped. The JSON export carries the exact values, for verification.
    private static readonly CsvWriterOptions Csv = new() { Injection = CsvInjection.Escape };

    public static async Task WriteCsvAsync(DisclosureCsvExport export, Stream output, CancellationToken cancellationToken = default)
    {
        await using var csv = CsvWriter.Create(output, Csv, leaveOpen: true);
        csv.WriteHeader(DisclosureCsvRow.Columns);
        await foreach (var row in export.Rows.WithCancellation(cancellationToken))
        {
            await csv.WriteRecordAsync(row.Values(), cancellationToken);
        }
        await csv.FlushAsync(cancellationToken);
    }

    public static async Task WriteJsonAsync(DisclosureExport export, Stream output, CancellationToken cancellationToken = default)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions
        {
            Indented = true,
            // A download, never embedded in a page: names such as "Ingenieurbüro" stay readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        json.WriteStartObject();
        json.WriteString("format", Format);
        json.WriteString("customer", export.CustomerId);
        json.WriteString("exportedAt", DateTime.SpecifyKind(export.ExportedAt, DateTimeKind.Utc));
        json.WriteNumber("headSequence", export.HeadSequence);
        json.WriteString("headHash", export.HeadHash);
        json.WriteStartArray("entries");
        var written = 0;
        await foreach (var entry in export.Entries.WithCancellation(cancellationToken))
        {
            json.WriteStartObject();
            var values = entry.Values();
            json.WriteNumber(DisclosureExportEntry.Columns[0], entry.Sequence);
            for (var i = 1; i < values.Length; i++)
            {
                json.WriteString(DisclosureExportEntry.Columns[i], values[i]);
            }
            json.WriteEndObject();
            if (++written % 200 == 0)
            {
                await json.FlushAsync(cancellationToken);
            }
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }
}

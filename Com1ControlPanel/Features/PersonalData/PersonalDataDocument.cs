using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Com1ControlPanel.Features.PersonalData;

/// <summary>
/// The download, read and ready to write: the format, when it was made, the customer number, one field per section in
/// <see cref="ExportCoverage"/>'s order, and what was left out and why. Everything is read before the first byte is
/// written, so a failure never leaves half a file.
/// </summary>
public sealed record PersonalDataDocument(
    DateTime GeneratedAt, string? CustomerNumber, IReadOnlyList<KeyValuePair<string, object?>> Sections)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
        // A download, never embedded in a page: names such as "Ingenieurbüro" stay readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>What the file is and the day it was made (UTC), so two downloads are told apart.</summary>
    public string FileName => $"com1-personal-data-{GeneratedAt:yyyy-MM-dd}.json";

    /// <summary>The file as UTF-8 JSON, made whole in memory: one person's data, so never half a file on the wire.</summary>
    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = Json.Encoder }))
        {
            json.WriteStartObject();
            json.WriteString("format", ExportCoverage.Format);
            json.WriteString("generatedAt", DateTime.SpecifyKind(GeneratedAt, DateTimeKind.Utc));
            json.WriteString("customerNumber", CustomerNumber);
            foreach (var (name, value) in Sections)
            {
                json.WritePropertyName(name);
                JsonSerializer.Serialize(json, value, Json);
            }
            json.WritePropertyName("notIncluded");
            JsonSerializer.Serialize(json, ExportCoverage.Exclusions, Json);
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }
}

using System.Text.Json;
using Hangfire;

namespace Com1ControlPanel.Features.Disclosures.Compliance;

/// <summary>Hands a recorded group disclosure (its <see cref="DisclosureWriteJob"/> saved) to the background writer.</summary>
public interface IDisclosureWriteQueue
{
    void Enqueue(Guid disclosureId);
}

/// <summary>Group disclosures as jobs of the job engine, which any instance of the panel picks up and resumes.</summary>
internal sealed class DisclosureJobQueue(IBackgroundJobClient jobs) : IDisclosureWriteQueue
{
    public void Enqueue(Guid disclosureId) => jobs.Enqueue<DisclosureWriter>(w => w.RunAsync(disclosureId, null, CancellationToken.None));
}

/// <summary>How a <see cref="DisclosureWriteJob"/> stores its audience.</summary>
public static class StoredAudience
{
    public static string Serialize(DisclosureAudience audience) => JsonSerializer.Serialize(audience);

    public static DisclosureAudience Deserialize(string stored) =>
        JsonSerializer.Deserialize<DisclosureAudience>(stored) ?? throw new JsonException("The stored audience is empty.");
}

/// <summary>How many customers a group disclosure is written for in all, and how many the partner-sharing rule skipped.</summary>
public sealed record WriteCounts(int Total, int Skipped);

namespace Com1ControlPanel.Features.Policies;

/// <summary>
/// One version of the privacy policy, as it was published: never changed and never removed (the database refuses both).
/// The versions that ship with the panel come from <c>wwwroot-assets/policies/</c>; administrators publish the later ones.
/// </summary>
public sealed class PolicyVersion
{
    public const int VersionMaxLength = 20;
    public const int SummaryMaxLength = 500;
    public const int MarkdownMaxLength = 100_000;

    /// <summary>The version's name, such as "2008-06" or "2027-02-01": what consent records and acknowledgements keep.</summary>
    public required string Version { get; init; }

    /// <summary>The first day (from midnight UTC) on which this version applies.</summary>
    public DateTime EffectiveFrom { get; init; }

    /// <summary>What changed, in a sentence or two: the banner, the email and the notification say it.</summary>
    public required string Summary { get; init; }

    /// <summary>The policy's text, in Markdown (raw HTML is never rendered).</summary>
    public required string Markdown { get; init; }

    public DateTime PublishedAt { get; init; }
    public required string PublishedByUserId { get; init; }
    public required string PublishedByName { get; init; }

    /// <summary>True for the versions that came with the panel: nobody is emailed about those.</summary>
    public bool Shipped { get; init; }
}

/// <summary>That a customer was emailed and notified about an upcoming version: written once, with the message.</summary>
public sealed class PolicyNotice
{
    public required string Version { get; init; }
    public required string CustomerId { get; init; }
    public DateTime NotifiedAt { get; init; }
}

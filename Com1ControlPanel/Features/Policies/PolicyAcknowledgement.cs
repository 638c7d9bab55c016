namespace Com1ControlPanel.Features.Policies;

/// <summary>
/// That a customer was shown a version of the privacy policy: who, which version, when and how. Written by the customer's
/// own action only (never in a support session), once per version, and never changed or removed.
/// </summary>
public sealed class PolicyAcknowledgement
{
    public long Id { get; init; }
    public required string CustomerId { get; init; }
    public required string Version { get; init; }
    public DateTime ShownAt { get; init; }
    public AcknowledgementMethod How { get; init; }
}

public enum AcknowledgementMethod
{
    /// <summary>The customer closed the notice on a page of the panel.</summary>
    ClosedNotice,
    /// <summary>The customer closed the notice on the page that shows what changed.</summary>
    ClosedNoticeAfterReadingChanges,
}

public static class AcknowledgementMethods
{
    public static string Describe(this AcknowledgementMethod how) => how switch
    {
        AcknowledgementMethod.ClosedNotice => "You closed the notice about it",
        AcknowledgementMethod.ClosedNoticeAfterReadingChanges => "You read what changed and closed the notice",
        _ => how.ToString(),
    };
}

namespace Com1ControlPanel.Features.Disclosures.Log;

/// <summary>
/// One colour per recipient category, the same in the timeline and the chart. Each keeps 3:1 contrast against both the
/// light and the dark surface; the category is always written out too, so colour is never the only clue.
/// </summary>
public static class RecipientColours
{
    public static string For(RecipientCategory category) => category switch
    {
        RecipientCategory.Partner => "#00897b",
        RecipientCategory.ServiceProvider => "#5c6bc0",
        RecipientCategory.LawEnforcement => "#e65100",
        RecipientCategory.CourtOrLegalProcess => "#e91e63",
        RecipientCategory.Acquirer => "#ab47bc",
        RecipientCategory.DomainRegistry => "#1e88e5",
        _ => "#78909c",
    };
}

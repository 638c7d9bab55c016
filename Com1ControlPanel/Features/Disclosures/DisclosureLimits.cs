namespace Com1ControlPanel.Features.Disclosures;

/// <summary>Column sizes, shared by the schema and the recording form's validation.</summary>
public static class DisclosureLimits
{
    public const int RecipientName = 200;
    public const int Description = 1000;
    public const int Reference = 100;
}

using System.ComponentModel.DataAnnotations;

namespace Com1ControlPanel.Features.Policies;

/// <summary>
/// A new version as the administrator writes it. The same rules run in the page (as the administrator types) and in
/// <see cref="PolicyPublishing"/>, which sets <see cref="EarliestEffectiveDate"/> and <see cref="LatestEffectiveDate"/>
/// itself before checking, so a hand-made request cannot move them.
/// </summary>
public sealed class PolicyDraft : IValidatableObject
{
    [Required(ErrorMessage = "Write the policy's text.")]
    [StringLength(PolicyVersion.MarkdownMaxLength, ErrorMessage = "Keep the policy to {1} characters or fewer.")]
    public string Markdown { get; set; } = "";

    [Required(ErrorMessage = "Say in a sentence or two what changes.")]
    [StringLength(PolicyVersion.SummaryMaxLength, ErrorMessage = "Keep the summary to {1} characters or fewer.")]
    public string Summary { get; set; } = "";

    [Required(ErrorMessage = "Choose the day the new version takes effect.")]
    public DateTime? EffectiveDate { get; set; }

    /// <summary>The first day a new version may take effect: customers must hear of it this many days ahead.</summary>
    public DateTime EarliestEffectiveDate { get; set; }

    /// <summary>The day the newest version takes effect: a new one comes after it.</summary>
    public DateTime? LatestEffectiveDate { get; set; }

    public int NoticeDays { get; set; } = 30;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Summary.Contains('\r') || Summary.Contains('\n'))
        {
            yield return new ValidationResult("Keep the summary on one line.", [nameof(Summary)]);
        }
        if (EffectiveDate is { } day && day.Date < EarliestEffectiveDate.Date)
        {
            yield return new ValidationResult(
                $"Customers must be told {NoticeDays} days ahead: choose {PolicyDates.Day(EarliestEffectiveDate)} or later.", [nameof(EffectiveDate)]);
        }
        else if (EffectiveDate is { } later && LatestEffectiveDate is { } latest && later.Date <= latest.Date)
        {
            yield return new ValidationResult(
                $"The newest version takes effect on {PolicyDates.Day(latest)}: choose a later day.", [nameof(EffectiveDate)]);
        }
    }
}

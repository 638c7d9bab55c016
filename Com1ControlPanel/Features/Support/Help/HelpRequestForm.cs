using System.ComponentModel.DataAnnotations;
using Com1ControlPanel.Infrastructure.Validation;

namespace Com1ControlPanel.Features.Support.Help;

/// <summary>
/// What the customer writes to ask for help. The page runs these rules as they type and <see cref="HelpRequests"/> again
/// before anything is saved.
/// </summary>
public sealed class HelpRequestForm
{
    public const int MaxSubject = 120;
    public const int MaxDescription = 2000;

    [Required(ErrorMessage = "Enter a subject: a few words about what you need help with.")]
    [StringLength(MaxSubject, ErrorMessage = "Keep the subject to {1} characters or fewer.")]
    public string Subject { get; set; } = "";

    [Required(ErrorMessage = "Describe what you need help with, so support can start on it.")]
    [StringLength(MaxDescription, ErrorMessage = "Keep the description to {1} characters or fewer.")]
    public string Description { get; set; } = "";

    /// <summary>"Support may act in my account for this request for up to N minutes"; null: support may not.</summary>
    public int? AccessMinutes { get; set; }

    /// <summary>Field errors, keyed by property name; <paramref name="maxMinutes"/> is the longest support session allowed.</summary>
    public Dictionary<string, string[]> Validate(int maxMinutes)
    {
        // [Required] also refuses text of spaces only: a blank subject tells support nothing.
        var errors = FormValidation.Validate(this);
        if (AccessMinutes is { } minutes && !HelpAccess.Choices(maxMinutes).Contains(minutes))
        {
            errors[nameof(AccessMinutes)] = [$"Choose one of the lengths offered, at most {HelpText.Minutes(maxMinutes)}."];
        }
        return errors;
    }
}

/// <summary>The lengths a customer may allow support in their account for a request, within the support session limit.</summary>
public static class HelpAccess
{
    private static readonly int[] Lengths = [5, 10, 15, 20, 30, 45, 60];

    public static IReadOnlyList<int> Choices(int maxMinutes) => [.. Lengths.Where(m => m <= maxMinutes)];
}

using System.ComponentModel.DataAnnotations;
using Com1ControlPanel.Infrastructure.Validation;

namespace Com1ControlPanel.Features.Disclosures.Compliance;

/// <summary>
/// A disclosure as the compliance officer writes it. The same rules run in the page (as the officer types) and in
/// <see cref="DisclosureRecorder"/> (before anything is written), so a forged value gets no further than the form.
/// Rules that need the clock are in <see cref="ValidateAt"/>.
/// </summary>
public sealed class DisclosureDraft : IValidatableObject
{
    [Required(ErrorMessage = "Enter who received the data.")]
    [StringLength(DisclosureLimits.RecipientName, ErrorMessage = "Keep the recipient to {1} characters or fewer.")]
    public string RecipientName { get; set; } = "";

    [Required(ErrorMessage = "Choose the kind of recipient.")]
    public RecipientCategory? RecipientCategory { get; set; }

    public DataCategories Categories { get; set; }

    [Required(ErrorMessage = "Choose the ground for the disclosure.")]
    public DisclosureGround? Ground { get; set; }

    [Required(ErrorMessage = "Describe what was shared and why.")]
    [StringLength(DisclosureLimits.Description, ErrorMessage = "Keep the description to {1} characters or fewer.")]
    public string Description { get; set; } = "";

    [StringLength(DisclosureLimits.Reference, ErrorMessage = "Keep the reference to {1} characters or fewer.")]
    public string? Reference { get; set; }

    /// <summary>When the data was handed over (UTC).</summary>
    [Required(ErrorMessage = "Enter the date the data was handed over.")]
    public DateTime? OccurredAt { get; set; }

    [Required(ErrorMessage = "Choose how the customers are told.")]
    public NoticeRule? NoticeRule { get; set; }

    /// <summary>With <see cref="Disclosures.NoticeRule.DelayedUntil"/>: the day the customers may be told (UTC midnight).</summary>
    public DateTime? NoticeDelayedUntil { get; set; }

    /// <summary>The disclosure this one corrects; it then goes to the same customers as the original.</summary>
    public Guid? CorrectsId { get; set; }

    /// <summary>The grounds the form offers for the chosen categories: only those the policy allows.</summary>
    public IReadOnlyList<DisclosureGround> AllowedGrounds =>
        Categories == DataCategories.None || HasUnknownCategory ? [] : DisclosurePolicy.GroundsFor(Categories);

    /// <summary>The notice rules the form offers for the chosen ground.</summary>
    public IReadOnlyList<NoticeRule> AllowedNoticeRules =>
        Ground is { } ground && Enum.IsDefined(ground) ? DisclosurePolicy.NoticeRulesFor(ground) : [];

    private bool HasUnknownCategory => (Categories & ~DisclosurePolicy.AllCategories) != DataCategories.None;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RecipientName.Contains('\r') || RecipientName.Contains('\n'))
        {
            yield return new("Keep the recipient on one line.", [nameof(RecipientName)]);
        }
        if (Reference is not null && (Reference.Contains('\r') || Reference.Contains('\n')))
        {
            yield return new("Keep the reference on one line.", [nameof(Reference)]);
        }
        if (RecipientCategory is { } category && !Enum.IsDefined(category))
        {
            yield return new("Choose a kind of recipient from the list.", [nameof(RecipientCategory)]);
        }
        if (HasUnknownCategory)
        {
            yield return new("Choose the kinds of data from the list.", [nameof(Categories)]);
        }
        else if (Categories == DataCategories.None)
        {
            yield return new("Choose at least one kind of data that was shared.", [nameof(Categories)]);
        }
        if (Ground is { } ground)
        {
            if (!Enum.IsDefined(ground))
            {
                yield return new("Choose a ground from the list.", [nameof(Ground)]);
            }
            else if (Categories != DataCategories.None && !HasUnknownCategory && !AllowedGrounds.Contains(ground))
            {
                yield return new(Categories.HasFlag(DataCategories.ContentsOfCommunications)
                    ? $"The policy does not allow disclosing the contents of communications on the ground “{ground.Label()}”."
                    : $"The policy does not allow disclosing this data on the ground “{ground.Label()}”.", [nameof(Ground)]);
            }
        }
        if (NoticeRule is { } rule)
        {
            if (!Enum.IsDefined(rule))
            {
                yield return new("Choose how the customers are told from the list.", [nameof(NoticeRule)]);
            }
            else if (Ground is { } g && Enum.IsDefined(g) && !AllowedNoticeRules.Contains(rule))
            {
                yield return new("A business transfer must be notified to every customer: now, or when the law allows.",
                    [nameof(NoticeRule)]);
            }
            else if (rule == Disclosures.NoticeRule.DelayedUntil && NoticeDelayedUntil is null)
            {
                yield return new("Enter the date until which the law requires silence.", [nameof(NoticeDelayedUntil)]);
            }
        }
    }

    /// <summary>Every rule, including those about time, against the server's clock: what recording checks.</summary>
    public Dictionary<string, string[]> ValidateAt(DateTime now)
    {
        var errors = FormValidation.Validate(this);
        foreach (var (field, messages) in TimeErrorsAt(now))
        {
            errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, .. messages] : messages;
        }
        return errors;
    }

    /// <summary>Only the rules that need the clock: the page checks them before asking to confirm.</summary>
    public Dictionary<string, string[]> TimeErrorsAt(DateTime now)
    {
        var errors = new Dictionary<string, string[]>();
        if (OccurredAt is { } occurred && occurred > now)
        {
            errors[nameof(OccurredAt)] = ["The date it was handed over cannot be in the future."];
        }
        if (NoticeRule == Disclosures.NoticeRule.DelayedUntil && NoticeDelayedUntil is { } until && until <= now)
        {
            errors[nameof(NoticeDelayedUntil)] = ["The date until which notice is delayed must be in the future."];
        }
        return errors;
    }

    /// <summary>A draft that corrects <paramref name="original"/>: its content to edit, pointing at it.</summary>
    public static DisclosureDraft CorrectionOf(Disclosure original) => new()
    {
        RecipientName = original.RecipientName,
        RecipientCategory = original.RecipientCategory,
        Categories = original.Categories,
        Ground = original.Ground,
        Description = original.Description,
        Reference = original.Reference,
        OccurredAt = original.OccurredAt,
        NoticeRule = original.NoticeRule,
        NoticeDelayedUntil = original.NoticeDelayedUntil,
        CorrectsId = original.Id,
    };
}

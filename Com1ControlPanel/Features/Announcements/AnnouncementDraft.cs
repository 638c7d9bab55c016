using System.ComponentModel.DataAnnotations;
using Com1ControlPanel.Features.Preferences;

namespace Com1ControlPanel.Features.Announcements;

/// <summary>
/// An announcement as the admin writes it. The same rules run in the page (as the admin types) and in
/// <see cref="AnnouncementService"/> (before anything is stored), so a hand-made request gets no further than the form.
/// </summary>
public sealed class AnnouncementDraft : IValidatableObject
{
    /// <summary>The topics an announcement can be about: the two kinds of product notice of the policy.</summary>
    public static readonly IReadOnlyList<MarketingPurpose> Topics = [MarketingPurpose.ComProducts, MarketingPurpose.PartnerOffers];

    [Required(ErrorMessage = "Choose the topic of the announcement.")]
    public MarketingPurpose? Topic { get; set; }

    public ContactChannel Channel { get; set; } = ContactChannel.Email;

    [Required(ErrorMessage = "Enter a subject.")]
    [StringLength(Announcement.SubjectMaxLength, ErrorMessage = "Keep the subject to {1} characters or fewer.")]
    public string Subject { get; set; } = "";

    [Required(ErrorMessage = "Write the message.")]
    [StringLength(Announcement.BodyMaxLength, ErrorMessage = "Keep the message to {1} characters or fewer.")]
    public string Body { get; set; } = "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Topic is { } topic && !Topics.Contains(topic))
        {
            yield return new ValidationResult(
                "Announcements can only be about new Com 1 products or partners' offers.", [nameof(Topic)]);
        }
        if (Channel != ContactChannel.Email)
        {
            yield return new ValidationResult(
                "Announcements are sent by email. For phone and postal mail, download the call list or the mailing list.", [nameof(Channel)]);
        }
        if (Subject.Contains('\r') || Subject.Contains('\n'))
        {
            yield return new ValidationResult("Keep the subject on one line.", [nameof(Subject)]);
        }
    }
}

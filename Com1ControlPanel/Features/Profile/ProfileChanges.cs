using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Infrastructure.Auditing;

namespace Com1ControlPanel.Features.Profile;

/// <summary>Applies a validated form to a customer and returns one history row per field that really changed.</summary>
internal static class ProfileChanges
{
    public static List<ProfileChange> Apply(Customer customer, ProfileForm form, Actor actor, DateTime now)
    {
        var country = form.CountryCode.Trim().ToUpperInvariant();
        var changes = new List<ProfileChange>();

        void Set(ProfileField field, string? current, string? proposed, Action<string?> assign)
        {
            if (string.Equals(current ?? "", proposed ?? "", StringComparison.Ordinal))
            {
                return;
            }
            assign(proposed);
            changes.Add(new ProfileChange
            {
                CustomerId = customer.Id,
                Field = field,
                OldValue = current,
                NewValue = proposed,
                ChangedAt = now,
                ActorUserId = actor.UserId,
                ActorName = actor.DisplayName,
                Source = actor.Source,
                SupportSessionId = actor.SupportSessionId,
            });
        }

        Set(ProfileField.FullName, customer.FullName, Clean(form.FullName), v => customer.FullName = v ?? "");
        Set(ProfileField.Company, customer.Company, Clean(form.Company), v => customer.Company = v);
        Set(ProfileField.Street, customer.Street, Clean(form.Street), v => customer.Street = v);
        Set(ProfileField.City, customer.City, Clean(form.City), v => customer.City = v);
        Set(ProfileField.Region, customer.Region, Clean(form.Region), v => customer.Region = v);
        Set(ProfileField.PostalCode, customer.PostalCode,
            Clean(form.PostalCode) is { } postal ? PostalCodes.Normalize(postal) : null, v => customer.PostalCode = v);
        Set(ProfileField.Country, customer.CountryCode, country, v => customer.CountryCode = v ?? country);
        Set(ProfileField.Phone, customer.Phone, PhoneNumbersRule.ToE164(form.Phone, country), v => customer.Phone = v);
        Set(ProfileField.MobilePhone, customer.MobilePhone, PhoneNumbersRule.ToE164(form.MobilePhone, country),
            v => customer.MobilePhone = v);
        return changes;
    }

    /// <summary>Trimmed, with an empty value stored as no value.</summary>
    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

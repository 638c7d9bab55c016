using Com1ControlPanel.Infrastructure.Auditing;

namespace Com1ControlPanel.Features.Customers;

/// <summary>A row of "Recent changes" as the customer reads it.</summary>
/// <param name="Reason">Why Com 1 staff made the change, as they recorded it; null for the customer's own changes.</param>
/// <param name="Reference">Staff's reference for the change (a ticket number), if they gave one.</param>
public sealed record ProfileChangeView(
    DateTime ChangedAt, string Field, string OldValue, string NewValue, string ChangedBy, string? Reason = null, string? Reference = null)
{
    public static ProfileChangeView From(ProfileChange change, string customerId)
    {
        var actor = new Actor(change.ActorUserId, change.ActorName, change.Source);
        return new(change.ChangedAt, change.Field.Label(),
            Show(change.Field, change.OldValue), Show(change.Field, change.NewValue), actor.DescribeForCustomer(customerId),
            change.Reason, change.Reference);
    }

    private static string Show(ProfileField field, string? value) => field switch
    {
        _ when string.IsNullOrEmpty(value) => "(empty)",
        ProfileField.Phone or ProfileField.MobilePhone => PhoneNumbersRule.Display(value),
        ProfileField.Country or ProfileField.BillingCountry => Countries.NameOf(value),
        _ => value!,
    };
}

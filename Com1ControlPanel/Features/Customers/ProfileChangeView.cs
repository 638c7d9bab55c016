using Com1ControlPanel.Infrastructure.Auditing;

namespace Com1ControlPanel.Features.Customers;

/// <summary>A row of "Recent changes" as the customer reads it.</summary>
public sealed record ProfileChangeView(DateTime ChangedAt, string Field, string OldValue, string NewValue, string ChangedBy)
{
    public static ProfileChangeView From(ProfileChange change, string customerId)
    {
        var actor = new Actor(change.ActorUserId, change.ActorName, change.Source);
        return new(change.ChangedAt, change.Field.Label(),
            Show(change.Field, change.OldValue), Show(change.Field, change.NewValue), actor.DescribeForCustomer(customerId));
    }

    private static string Show(ProfileField field, string? value) => field switch
    {
        _ when string.IsNullOrEmpty(value) => "(empty)",
        ProfileField.Phone or ProfileField.MobilePhone => PhoneNumbersRule.Display(value),
        ProfileField.Country or ProfileField.BillingCountry => Countries.NameOf(value),
        _ => value!,
    };
}

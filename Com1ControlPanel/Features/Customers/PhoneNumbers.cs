using PhoneNumbers;

namespace Com1ControlPanel.Features.Customers;

/// <summary>Phone numbers are checked against the customer's country and kept in E.164.</summary>
public static class PhoneNumbersRule
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The number in E.164 (+14155550100), or null when it is not a valid number.</summary>
    public static string? ToE164(string? input, string? countryCode)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 30)
        {
            return null;
        }
        try
        {
            var number = Util.Parse(input, countryCode?.ToUpperInvariant() ?? "ZZ");
            return Util.IsValidNumber(number) ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>A stored E.164 number as people write it: +1 415-555-0100.</summary>
    public static string Display(string? e164)
    {
        if (string.IsNullOrEmpty(e164))
        {
            return "";
        }
        try
        {
            return Util.Format(Util.Parse(e164, "ZZ"), PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }
}

namespace Com1ControlPanel.Features.Customers;

/// <summary>How customers reach Com 1 billing (section "BillingContact"): the suspension banner and emails name it.</summary>
public sealed class BillingContact
{
    public const string Section = "BillingContact";

    /// <summary>The billing telephone number in E.164, as dialled from abroad.</summary>
    public string Phone { get; set; } = "+14155550199";

    public string Hours { get; set; } = "Monday to Friday, 8 am to 6 pm Pacific time";

    /// <summary>The number as people write it: +1 415-555-0199.</summary>
    public string PhoneDisplay => PhoneNumbersRule.Display(Phone);
}

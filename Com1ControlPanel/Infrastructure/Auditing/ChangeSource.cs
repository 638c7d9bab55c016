namespace Com1ControlPanel.Infrastructure.Auditing;

/// <summary>Where a change of customer data came from.</summary>
public enum ChangeSource
{
    /// <summary>The customer, in the control panel.</summary>
    Customer,
    /// <summary>Com 1 support, acting in the customer's account on their behalf.</summary>
    SupportOnBehalf,
    /// <summary>Com 1 billing staff, for a customer who phoned in.</summary>
    BillingOnBehalf,
    /// <summary>The panel itself, e.g. a confirmed email address or a scheduled job.</summary>
    System,
}

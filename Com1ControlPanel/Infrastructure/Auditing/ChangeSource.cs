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
    /// <summary>Com 1 billing staff in their own name, not at the customer's request (suspending or reactivating the account).</summary>
    Billing,
    /// <summary>Com 1's hostmaster, carrying out what the customer asked for at the domain registry (a Technical Contact move).</summary>
    Hostmaster,
    /// <summary>The panel itself, e.g. a confirmed email address or a scheduled job.</summary>
    System,
    /// <summary>The customer's browser asked for it (Global Privacy Control, Sec-GPC: 1).</summary>
    BrowserPrivacySignal,
    /// <summary>The customer used the unsubscribe link of a marketing email.</summary>
    UnsubscribeLink,
    /// <summary>The starting choice given to a new account, by the rule for the customer's country.</summary>
    RegistrationDefault,
    /// <summary>The customer answered the cookie banner (usage statistics allowed or essential cookies only).</summary>
    CookieBanner,
}

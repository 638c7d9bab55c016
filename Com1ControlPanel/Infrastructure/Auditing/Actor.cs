namespace Com1ControlPanel.Infrastructure.Auditing;

/// <summary>
/// Who really made a change: the person signed in (or the member of staff behind a support session),
/// never just the account the change was made in.
/// </summary>
public sealed record Actor(string UserId, string DisplayName, ChangeSource Source)
{
    /// <summary>The support session the actor works in, when Com 1 support acts on the customer's behalf.</summary>
    public Guid? SupportSessionId { get; init; }

    public static Actor System { get; } = new("system", "Com 1 Control Panel", ChangeSource.System);

    /// <summary>How the customer reads this actor in their history.</summary>
    public string DescribeForCustomer(string customerId) => Source switch
    {
        ChangeSource.Customer when UserId == customerId => "You",
        ChangeSource.SupportOnBehalf => $"Com 1 support ({DisplayName}) on your behalf",
        ChangeSource.BillingOnBehalf => $"Com 1 billing ({DisplayName}) on your behalf",
        ChangeSource.Billing => $"Com 1 billing ({DisplayName})",
        ChangeSource.Hostmaster => $"Com 1 hostmaster ({DisplayName})",
        ChangeSource.System => "Com 1 Control Panel",
        ChangeSource.BrowserPrivacySignal => "Your browser's privacy signal",
        ChangeSource.UnsubscribeLink => "You, with the unsubscribe link in an email",
        ChangeSource.RegistrationDefault => "Starting choice for new accounts",
        ChangeSource.CookieBanner => "You, with the cookie banner",
        _ => DisplayName,
    };
}

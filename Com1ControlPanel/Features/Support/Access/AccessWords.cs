using Com1ControlPanel.Features.Accounts.SignIns;
using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Domains;
using Com1ControlPanel.Features.Domains.ContactMoves;

namespace Com1ControlPanel.Features.Support.Access;

/// <summary>How "Who accessed my account" puts support records into words the customer reads.</summary>
public static class AccessWords
{
    /// <summary>"a 30-minute session": the length support asks for, never to be read as a wait.</summary>
    public static string SessionOf(int minutes) => $"a {minutes}-minute session";

    public static string Describe(this SessionState state) => state switch
    {
        SessionState.Active => "Active now",
        SessionState.EndedByAgent => "Ended by the agent",
        SessionState.EndedByAdmin => "Ended by a Com 1 administrator",
        SessionState.EndedByYou => "Ended by you",
        SessionState.AgentAccessRevoked => "Ended when the agent's access was withdrawn",
        SessionState.AccountClosed => "Ended when the account was closed",
        SessionState.TimeRanOut => "Ended by itself when its time ran out",
        _ => state.ToString(),
    };

    /// <summary>The end of "Ended 16:12, by the agent".</summary>
    public static string EndedBy(this SessionState state) => state switch
    {
        SessionState.EndedByAgent => "by the agent",
        SessionState.EndedByAdmin => "by a Com 1 administrator",
        SessionState.EndedByYou => "by you",
        SessionState.AgentAccessRevoked => "when the agent's access was withdrawn",
        SessionState.AccountClosed => "when the account was closed",
        SessionState.TimeRanOut => "by itself, when its time ran out",
        _ => "",
    };

    public static string Describe(this RequestOutcome outcome) => outcome switch
    {
        RequestOutcome.Pending => "Waiting for your answer",
        RequestOutcome.Approved => "Approved",
        RequestOutcome.Denied => "Denied",
        RequestOutcome.Expired => "Expired without an answer",
        RequestOutcome.Withdrawn => "Withdrawn by the agent",
        _ => outcome.ToString(),
    };

    /// <summary>"Phone changed", from (415) 555-0100 to (415) 555-0142.</summary>
    public static SessionAction Describe(ProfileChange change)
    {
        var view = ProfileChangeView.From(change, change.CustomerId);
        return new(change.ChangedAt, $"{view.Field} changed", $"From {view.OldValue} to {view.NewValue}");
    }

    /// <summary>"New and upgraded Com 1 products and services by email: allowed".</summary>
    public static SessionAction Describe(ConsentRecord record) =>
        new(record.RecordedAt, $"{new ConsentKey(record.Purpose, record.Channel).Label}: {(record.NewGranted ? "allowed" : "refused")}", null);

    /// <summary>"Asked to move the Technical Contact", of example.com to Rheinhost GmbH (Jana Roth).</summary>
    public static SessionAction Describe(MoveStep step, DomainName domain, string company, string contactPerson) =>
        new(step.At, step.Kind == MoveStepKind.Cancelled ? "Cancelled the request to move the Technical Contact" : "Asked to move the Technical Contact",
            $"{domain.Unicode}: to {company} ({contactPerson})");

    public static string Describe(SignInRecord record) => record.Succeeded
        ? record.Method switch
        {
            SignInMethod.TwoFactor => "Signed in with password and two-factor code",
            SignInMethod.RecoveryCode => "Signed in with a recovery code",
            SignInMethod.Passkey => "Signed in with a passkey",
            _ => "Signed in with password",
        }
        : record.Outcome switch
        {
            "LockedOut" => "Refused: account locked after too many failed attempts",
            "NotAllowed" => "Refused: sign-in not allowed yet (email address not confirmed)",
            _ => record.Method switch
            {
                SignInMethod.TwoFactor => "Failed: wrong two-factor code",
                SignInMethod.RecoveryCode => "Failed: wrong recovery code",
                _ => "Failed: wrong password",
            },
        };

    /// <summary>"15 minutes", "1 minute".</summary>
    public static string Minutes(int minutes) => minutes == 1 ? "1 minute" : $"{minutes} minutes";

    /// <summary>"23 h 5 min", "40 min": how long is left, rounded down to the minute.</summary>
    public static string Duration(TimeSpan span)
    {
        var minutes = (int)span.TotalMinutes;
        return minutes >= 60 ? $"{minutes / 60} h {minutes % 60} min" : minutes >= 1 ? $"{minutes} min" : "less than a minute";
    }
}

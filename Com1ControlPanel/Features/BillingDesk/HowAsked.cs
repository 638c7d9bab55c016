namespace Com1ControlPanel.Features.BillingDesk;

/// <summary>How the customer asked billing for a change: the reason every change on their behalf carries.</summary>
public enum HowAsked
{
    PhoneCall,
    Letter,
    Email,
    Ticket,
}

public static class HowAskedText
{
    /// <summary>As staff choose it and the customer's history shows it.</summary>
    public static string Label(this HowAsked how) => how switch
    {
        HowAsked.PhoneCall => "Phone call",
        HowAsked.Letter => "Letter",
        HowAsked.Email => "Email",
        _ => "Support ticket",
    };

    /// <summary>Names only: a number would otherwise slip through as a reason that does not exist.</summary>
    public static bool IsDefinedReason(this HowAsked? how) => how is { } value && Enum.IsDefined(value);
}

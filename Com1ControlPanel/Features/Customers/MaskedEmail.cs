namespace Com1ControlPanel.Features.Customers;

public static class MaskedEmail
{
    /// <summary>"alice@example.com" becomes "a••••@example.com": enough to tell two people apart, not to write to them.</summary>
    public static string Of(string email)
    {
        var at = email.LastIndexOf('@');
        return at <= 0 ? "••••" : $"{email[0]}••••{email[at..]}";
    }
}

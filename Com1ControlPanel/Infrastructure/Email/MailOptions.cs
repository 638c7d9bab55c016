namespace Com1ControlPanel.Infrastructure.Email;

/// <summary>The "Mail" section of configuration.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string FromAddress { get; set; } = "no-reply@com1.test";
    public string FromName { get; set; } = "Com 1 Communications";

    /// <summary>Where .eml files go when no SMTP host is configured; relative to the content root.</summary>
    public string PickupDirectory { get; set; } = "App_Data/mail";

    public SmtpOptions Smtp { get; set; } = new();

    public int MaxAttempts { get; set; } = 8;
}

public sealed class SmtpOptions
{
    /// <summary>Leave empty to write .eml files instead of sending.</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>StartTls (default), SslOnConnect, or None for a local relay.</summary>
    public string Security { get; set; } = "StartTls";
}

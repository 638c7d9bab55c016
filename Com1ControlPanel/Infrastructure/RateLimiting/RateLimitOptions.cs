using System.Threading.RateLimiting;

namespace Com1ControlPanel.Infrastructure.RateLimiting;

/// <summary>
/// The "RateLimits" section of configuration: one entry per policy, each a number of permits per window. The defaults
/// are far above what a person does; they stop scripts that guess passwords, flood mailboxes or copy data.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in posts (password, two-factor code, recovery code) per client address.</summary>
    public RateLimitRule SignIn { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(5) };

    /// <summary>Registration posts per client address.</summary>
    public RateLimitRule Registration { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromHours(1) };

    /// <summary>"Forgot your password?" and "Send the confirmation again" posts per client address.</summary>
    public RateLimitRule AccountMail { get; set; } = new() { PermitLimit = 20, Window = TimeSpan.FromHours(1) };

    /// <summary>Posts that send mail about one account (registration, password reset, confirmation) per submitted address.</summary>
    public RateLimitRule AccountMailPerAddress { get; set; } = new() { PermitLimit = 5, Window = TimeSpan.FromHours(1) };

    /// <summary>Passkey options (every sign-in page asks once for autofill) per client address.</summary>
    public RateLimitRule Passkey { get; set; } = new() { PermitLimit = 120, Window = TimeSpan.FromMinutes(5) };

    /// <summary>One-click unsubscribe posts per client address (mail providers post them from their servers).</summary>
    public RateLimitRule Unsubscribe { get; set; } = new() { PermitLimit = 120, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Downloads of personal data, disclosure logs, consent receipts and contact lists per signed-in user.</summary>
    public RateLimitRule Export { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromHours(1) };

    /// <summary>Customer searches per member of staff (counted in the search service, as live pages search without a request).</summary>
    public RateLimitRule StaffSearch { get; set; } = new() { PermitLimit = 300, Window = TimeSpan.FromMinutes(10) };

    /// <summary>Public RDAP lookups (<c>/rdap/...</c>) per client address: enough for people and tools, not for harvesting.</summary>
    public RateLimitRule Rdap { get; set; } = new() { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) };

    public IEnumerable<RateLimitRule> All() =>
        [SignIn, Registration, AccountMail, AccountMailPerAddress, Passkey, Unsubscribe, Export, StaffSearch, Rdap];
}

public sealed class RateLimitRule
{
    public int PermitLimit { get; set; }
    public TimeSpan Window { get; set; }

    /// <summary>A fixed window without a queue: a request over the limit is refused at once, never held.</summary>
    public FixedWindowRateLimiterOptions ToFixedWindow() => new()
    {
        PermitLimit = PermitLimit,
        Window = Window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}

/// <summary>The policy names pages and endpoints ask for with <c>[EnableRateLimiting]</c> or <c>RequireRateLimiting</c>.</summary>
public static class RateLimitPolicies
{
    public const string SignIn = nameof(RateLimitOptions.SignIn);
    public const string Registration = nameof(RateLimitOptions.Registration);
    public const string AccountMail = nameof(RateLimitOptions.AccountMail);
    public const string AccountMailPerAddress = nameof(RateLimitOptions.AccountMailPerAddress);
    public const string Passkey = nameof(RateLimitOptions.Passkey);
    public const string Unsubscribe = nameof(RateLimitOptions.Unsubscribe);
    public const string Export = nameof(RateLimitOptions.Export);
    public const string StaffSearch = nameof(RateLimitOptions.StaffSearch);
    public const string Rdap = nameof(RateLimitOptions.Rdap);

    public static IReadOnlyList<string> All { get; } =
        [SignIn, Registration, AccountMail, AccountMailPerAddress, Passkey, Unsubscribe, Export, StaffSearch, Rdap];
}

namespace Com1ControlPanel.Infrastructure.Security;

/// <summary>The roles of the panel. Staff roles never go together with <see cref="Customer"/>.</summary>
public static class Roles
{
    public const string Customer = nameof(Customer);
    public const string SupportAgent = nameof(SupportAgent);
    public const string Billing = nameof(Billing);
    public const string ComplianceOfficer = nameof(ComplianceOfficer);
    /// <summary>Works the queue of domain requests: moves a domain's Technical Contact to another company, or rejects the move.</summary>
    public const string Hostmaster = nameof(Hostmaster);
    public const string Admin = nameof(Admin);

    public static readonly IReadOnlyList<string> All = [Customer, SupportAgent, Billing, ComplianceOfficer, Hostmaster, Admin];
    public static readonly IReadOnlyList<string> Staff = [SupportAgent, Billing, ComplianceOfficer, Hostmaster, Admin];
}

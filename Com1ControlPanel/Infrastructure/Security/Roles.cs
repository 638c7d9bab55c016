namespace Com1ControlPanel.Infrastructure.Security;

/// <summary>The roles of the panel. Staff roles never go together with <see cref="Customer"/>.</summary>
public static class Roles
{
    public const string Customer = nameof(Customer);
    public const string SupportAgent = nameof(SupportAgent);
    public const string Billing = nameof(Billing);
    public const string ComplianceOfficer = nameof(ComplianceOfficer);
    public const string Admin = nameof(Admin);

    public static readonly IReadOnlyList<string> All = [Customer, SupportAgent, Billing, ComplianceOfficer, Admin];
    public static readonly IReadOnlyList<string> Staff = [SupportAgent, Billing, ComplianceOfficer, Admin];
}

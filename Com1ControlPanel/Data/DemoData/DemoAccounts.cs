using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Infrastructure.Security;

namespace Com1ControlPanel.Data.DemoData;

/// <summary>The demo accounts listed in the README. Development only.</summary>
public static class DemoAccounts
{
    public const string Password = "Demo-Pass-2026!";

    public sealed record DemoCustomer(
        string Email, string FullName, string? Company, string Street, string City, string? Region, string PostalCode,
        string CountryCode, string Phone, string? MobilePhone, DateOnly Since, (Service Service, string Plan)[] Services,
        bool RequireSupportApproval = false);

    public sealed record DemoStaff(string Email, string DisplayName, string Role);

    public static readonly DemoCustomer[] Customers =
    [
        new("alice@example.com", "Alice Morgan", "Morgan & Daughters Bakery", "1200 Market Street", "San Francisco", "CA", "94102",
            "US", "+14155550142", "+14155550198", new DateOnly(2019, 3, 14),
            [(Service.ResponsiveWebDesign, "Small business site"), (Service.ECommerce, "Shop Standard"),
             (Service.RemoteBackup, "Backup 100 GB"), (Service.SeoSem, "Local SEO")]),
        new("bob@example.com", "Bob Schneider", "Schneider Ingenieurbüro", "Hauptstraße 12", "Berlin", null, "10115",
            "DE", "+4930901820", "+4915123456789", new DateOnly(2021, 9, 1),
            [(Service.DedicatedServers, "DS-4 (4 cores, 32 GB)"), (Service.DatabaseManagement, "Managed PostgreSQL"),
             (Service.PciCompliance, "PCI SAQ-A")],
            RequireSupportApproval: true),
    ];

    public static readonly DemoStaff[] Staff =
    [
        new("agent@com1.test", "Dana Reyes", Roles.SupportAgent),
        new("billing@com1.test", "Sam Patel", Roles.Billing),
        new("compliance@com1.test", "Morgan Lee", Roles.ComplianceOfficer),
        new("hostmaster@com1.test", "Hana Hostmaster", Roles.Hostmaster),
        new("admin@com1.test", "Chris Novak", Roles.Admin),
    ];
}

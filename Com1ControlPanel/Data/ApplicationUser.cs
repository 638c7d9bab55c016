using Microsoft.AspNetCore.Identity;

namespace Com1ControlPanel.Data;

/// <summary>
/// A sign-in identity: a customer (with a <see cref="Features.Customers.Customer"/> record) or a member of staff.
/// </summary>
public sealed class ApplicationUser : IdentityUser
{
    /// <summary>The name shown in the panel and in audit trails ("Dana from Support").</summary>
    [PersonalData]
    public string DisplayName { get; set; } = "";
}

using System.Security.Claims;
using Com1ControlPanel.Data;
using Com1ControlPanel.Infrastructure.Security;

namespace Com1ControlPanel.Tests.Kit;

/// <summary>
/// Members of staff made for one test, so a test may sign in as one, lock one or change their password without touching
/// the demo accounts other tests use. Each has a unique name and address and signs in with <see cref="TestCustomers.Password"/>.
/// </summary>
public sealed class TestStaff(IServiceProvider services)
{
    private static readonly Dictionary<string, string> FirstNames = new()
    {
        [Roles.SupportAgent] = "Tess", [Roles.Billing] = "Bill", [Roles.ComplianceOfficer] = "Cora", [Roles.Hostmaster] = "Hana",
        [Roles.Admin] = "Ada",
    };

    /// <summary>A support agent; with <paramref name="authenticator"/>, one who has set up an authenticator app.</summary>
    public Task<StaffMember> NewAgentAsync(string? name = null, bool authenticator = false, string? id = null) =>
        NewAsync(Roles.SupportAgent, name, authenticator, id: id);

    public async Task<StaffMember> NewAsync(string role, string? name = null, bool authenticator = false, string? email = null,
        string? id = null)
    {
        name ??= $"{FirstNames.GetValueOrDefault(role, "Sam")} {Guid.NewGuid():N}"[..^24];
        email ??= Identities.NewEmail(name, "com1.test");
        await using var scope = services.CreateAsyncScope();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
        if (id is not null)
        {
            user.Id = id;
        }
        await Identities.CreateAsync(scope.ServiceProvider, user, role);
        var key = authenticator ? await Identities.AddAuthenticatorAsync(scope.ServiceProvider, user) : null;
        return new StaffMember(user.Id, email, name, role, key);
    }
}

/// <summary>A member of staff a test made.</summary>
public sealed record StaffMember(string Id, string Email, string Name, string Role, string? AuthenticatorKey)
{
    public string Password => TestCustomers.Password;

    /// <summary>Signed in, as the server sees them (a password alone: no second factor).</summary>
    public ClaimsPrincipal Principal => Principals.Of(Id, Name, Role);

    /// <summary>The code their authenticator app shows now.</summary>
    public string Code() => Identities.CodeFor(AuthenticatorKey);
}

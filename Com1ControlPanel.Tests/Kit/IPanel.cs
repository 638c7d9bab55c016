using System.Security.Claims;
using Com1ControlPanel.Data;

namespace Com1ControlPanel.Tests.Kit;

/// <summary>
/// Whatever holds the app's services: the whole app (<see cref="PanelApp"/>), or its services over a bare test database
/// (<see cref="PanelServices"/>, in service and component tests). Tests reach customers, staff and services the same way in
/// all of them.
/// </summary>
public interface IPanel
{
    IServiceProvider Services { get; }
}

public static class PanelExtensions
{
    extension(IPanel panel)
    {
        /// <summary>New customers with data of their own.</summary>
        public TestCustomers Customers => new(panel.Services);

        /// <summary>New members of staff, for tests that sign in as one or change one.</summary>
        public TestStaff Staff => new(panel.Services);

        /// <summary>Entries in customers' disclosure logs.</summary>
        public TestDisclosures Disclosures => new(panel.Services);

        /// <summary>Support sessions, requests and changes by <paramref name="agent"/>, and customers' sign-ins.</summary>
        public TestSupportHistory SupportBy(StaffMember agent) => new(panel.Services, agent);

        /// <summary>The app's services as they serve <paramref name="principal"/>: what that person's page or request resolves.</summary>
        public UserScope As(ClaimsPrincipal principal) => new(panel.Services, principal);

        /// <summary>A singleton of the app (or a service that needs nobody signed in).</summary>
        public T Get<T>() where T : notnull => panel.Services.GetRequiredService<T>();

        /// <summary>A short-lived database context, for arranging data and checking what the app stored.</summary>
        public AppDbContext CreateDbContext() => panel.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
    }
}

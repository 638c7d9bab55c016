using System.Security.Claims;
using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Infrastructure.Email;
using Com1ControlPanel.Infrastructure.Security;
using Com1ControlPanel.Tests.Support;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Com1ControlPanel.Tests.Features.BillingDesk;

/// <summary>
/// The whole app on a fake clock that starts now, for the billing desk's services: a test signs in as whoever it needs
/// (<see cref="Scope"/>) and gets the app's own services, so the rules run exactly as wired in the panel.
/// </summary>
public sealed class BillingDeskApp : IDisposable
{
    private readonly PanelAppFactory inner = new();

    public BillingDeskApp()
    {
        App = inner.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock)));
    }

    /// <summary>A member of billing staff; staff never change in these tests, so one will do.</summary>
    public static readonly ClaimsPrincipal Billing = SignedIn.As("billing-staff-1", "Sam Tester", Roles.Billing);

    public static readonly ClaimsPrincipal Agent = SignedIn.As("agent-staff-1", "Dana Tester", Roles.SupportAgent);

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public WebApplicationFactory<Program> App { get; }

    /// <summary>The .eml files the app delivered.</summary>
    public Mailbox Mailbox => inner.Mailbox;

    /// <summary>A client that keeps cookies and speaks https, and does not follow redirects, so a test sees where it is sent.</summary>
    public HttpClient CreateClient() =>
        App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

    public AppDbContext CreateDbContext() => App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();

    /// <summary>A scope of the app in which the server believes <paramref name="principal"/> is signed in.</summary>
    public AsyncServiceScope Scope(ClaimsPrincipal principal)
    {
        var scope = App.Services.CreateAsyncScope();
        ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return scope;
    }

    /// <summary>A customer of this test alone (San Francisco, version 1), with an address of its own.</summary>
    public async Task<(Customer Customer, string Email)> CreateCustomerAsync(string name = "Test Customer")
    {
        var email = $"c-{Guid.NewGuid():N}@example.com";
        return (await TestCustomers.CreateAsync(App.Services, email, name), email);
    }

    public static ClaimsPrincipal CustomerPrincipal(Customer customer) => SignedIn.As(customer.Id, customer.FullName, Roles.Customer);

    public async Task<Customer> StoredAsync(string customerId)
    {
        await using var db = CreateDbContext();
        return await db.Customers.AsNoTracking().SingleAsync(c => c.Id == customerId);
    }

    public async Task<List<ProfileChange>> HistoryAsync(string customerId)
    {
        await using var db = CreateDbContext();
        return await db.ProfileChanges.AsNoTracking().Where(c => c.CustomerId == customerId).OrderBy(c => c.Id).ToListAsync();
    }

    /// <summary>Every message queued for the customer (their text stays until delivered, or is cleared when secret).</summary>
    public async Task<List<OutboxMessage>> MessagesToAsync(string customerId)
    {
        await using var db = CreateDbContext();
        return await db.OutboxMessages.AsNoTracking().Where(m => m.RecipientUserId == customerId).OrderBy(m => m.CreatedAt).ToListAsync();
    }

    public void Dispose() => inner.Dispose();
}

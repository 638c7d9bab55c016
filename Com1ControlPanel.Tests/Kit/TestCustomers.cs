using System.Security.Claims;
using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Security;

namespace Com1ControlPanel.Tests.Kit;

/// <summary>
/// Customers made for one test, with data of their own, through the app's own services: in the running app or over a bare
/// test database alike. Each has a unique email address unless the test names one, and signs in with <see cref="Password"/>.
/// </summary>
public sealed class TestCustomers(IServiceProvider services)
{
    public const string Password = Identities.Password;

    /// <summary>
    /// A confirmed customer (unless <paramref name="confirmed"/> is false; with an authenticator app when
    /// <paramref name="authenticator"/>) with a complete profile (1 Test Street, San Francisco; phone +1 415-555-0100) in
    /// <paramref name="country"/>, whose choices start where registration starts them for that country (everything on in
    /// the US, everything off in the EU) unless <paramref name="startingChoices"/> is false; then <paramref name="allows"/>
    /// and <paramref name="refuses"/> are the customer's own choices on top.
    /// </summary>
    public async Task<TestCustomer> NewAsync(
        string name = "Test Customer", string country = "US", string? id = null, string? email = null, string? number = null,
        IEnumerable<ConsentKey>? allows = null, IEnumerable<ConsentKey>? refuses = null, bool startingChoices = true,
        bool confirmed = true, bool authenticator = false, Action<Customer>? with = null)
    {
        await using var scope = services.CreateAsyncScope();
        email ??= id is null ? Identities.NewEmail(name) : $"{id}@example.com";
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = confirmed, DisplayName = name };
        if (id is not null)
        {
            user.Id = id;
        }
        await Identities.CreateAsync(scope.ServiceProvider, user, Roles.Customer);
        var key = authenticator ? await Identities.AddAuthenticatorAsync(scope.ServiceProvider, user) : null;

        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var customer = new Customer
        {
            Id = user.Id, CustomerNumber = number ?? $"T-{Guid.NewGuid():N}"[..14],
            CustomerSince = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), FullName = name, Street = "1 Test Street",
            City = "San Francisco", Region = "CA", PostalCode = "94102", CountryCode = country, Phone = "+14155550100", Version = 1,
        };
        with?.Invoke(customer);
        db.Customers.Add(customer);
        await db.SaveChangesAsync();

        var ledger = scope.ServiceProvider.GetRequiredService<ConsentLedger>();
        if (startingChoices)
        {
            var defaults = scope.ServiceProvider.GetRequiredService<ConsentDefaults>().For(country);
            await ledger.ApplyAsync(db, user.Id, defaults, ConsentDefaults.CountryRule);
            // Saved before the customer's own choices, which the ledger weighs against what is stored.
            await db.SaveChangesAsync();
        }
        var own = (allows ?? []).Select(k => KeyValuePair.Create(k, true)).Concat((refuses ?? []).Select(k => KeyValuePair.Create(k, false)));
        await ledger.ApplyAsync(db, user.Id, new Dictionary<ConsentKey, bool>(own), new Actor(user.Id, name, ChangeSource.Customer));
        await db.SaveChangesAsync();
        return new TestCustomer(user.Id, email, name, customer.CustomerNumber, key);
    }
}

/// <summary>A customer a test made: how to find them, sign in as them and recognise their data.</summary>
public sealed record TestCustomer(string Id, string Email, string FullName, string CustomerNumber, string? AuthenticatorKey = null)
{
    public string Password => TestCustomers.Password;

    /// <summary>The code their authenticator app (with <c>authenticator: true</c>) shows now.</summary>
    public string Code() => Identities.CodeFor(AuthenticatorKey);

    /// <summary>The customer signed in, as the server sees them.</summary>
    public ClaimsPrincipal Principal => Principals.Customer(Id, FullName);
}

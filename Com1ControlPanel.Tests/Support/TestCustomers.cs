using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Com1ControlPanel.Tests.Support;

/// <summary>Customers made for one test, so tests never share (or lock out) an account.</summary>
public static class TestCustomers
{
    public const string Password = "a long and memorable passphrase";

    /// <summary>A confirmed customer in San Francisco with a complete profile, created through the running app.</summary>
    public static async Task<Customer> CreateAsync(IServiceProvider services, string email, string fullName = "Test Customer")
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = fullName };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, Roles.Customer));

        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var customer = NewCustomer(user.Id, fullName);
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        // Starting choices as registration gives them (a US customer: everything allowed until they say otherwise).
        var defaults = scope.ServiceProvider.GetRequiredService<ConsentDefaults>().For(customer.CountryCode);
        await scope.ServiceProvider.GetRequiredService<ConsentLedger>()
            .ApplyAsync(db, user.Id, defaults, ConsentDefaults.CountryRule);
        await db.SaveChangesAsync();
        return customer;
    }

    /// <summary>A customer row (and its sign-in identity) straight into a test database.</summary>
    public static Customer Add(AppDbContext db, string id, string fullName = "Test Customer")
    {
        var email = $"{id}@example.com";
        // Normalized as Identity stores them, so look-ups by address find the customer.
        db.Users.Add(new ApplicationUser
        {
            Id = id, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
            NormalizedEmail = email.ToUpperInvariant(), DisplayName = fullName,
        });
        var customer = NewCustomer(id, fullName);
        db.Customers.Add(customer);
        db.SaveChanges();
        return customer;
    }

    private static Customer NewCustomer(string id, string fullName) => new()
    {
        Id = id,
        CustomerNumber = $"T-{Guid.NewGuid():N}"[..14],
        CustomerSince = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        FullName = fullName,
        Street = "1 Test Street",
        City = "San Francisco",
        Region = "CA",
        PostalCode = "94102",
        CountryCode = "US",
        Phone = "+14155550100",
        Version = 1,
    };

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}

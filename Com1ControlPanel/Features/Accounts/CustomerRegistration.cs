using System.Security.Cryptography;
using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Infrastructure.Email;
using Com1ControlPanel.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Accounts;

public sealed record NewCustomer(string Email, string Password, string FullName, string CountryCode);

public abstract record RegistrationResult
{
    public sealed record Created(ApplicationUser User) : RegistrationResult;
    /// <summary>The address has an account already; its owner was told. Callers answer as if it was created.</summary>
    public sealed record AlreadyRegistered : RegistrationResult;
    public sealed record Rejected(IReadOnlyList<IdentityError> Errors) : RegistrationResult;
}

/// <summary>Opens a customer account: the sign-in identity, the Customer role and the customer record, all or nothing.</summary>
public sealed class CustomerRegistration(
    UserManager<ApplicationUser> userManager,
    AppDbContext db,
    Outbox outbox,
    ConsentLedger consents,
    ConsentDefaults defaults,
    TimeProvider time)
{
    public async Task<RegistrationResult> RegisterAsync(NewCustomer customer)
    {
        if (!Countries.IsKnown(customer.CountryCode))
        {
            return new RegistrationResult.Rejected([new IdentityError { Code = "UnknownCountry", Description = "Choose your country from the list." }]);
        }
        if (await userManager.FindByEmailAsync(customer.Email) is { } existing)
        {
            await TellOwnerAsync(existing);
            return new RegistrationResult.AlreadyRegistered();
        }

        var user = new ApplicationUser
        {
            UserName = customer.Email,
            Email = customer.Email,
            DisplayName = customer.FullName.Trim(),
        };

        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await userManager.CreateAsync(user, customer.Password);
        if (result.Succeeded)
        {
            result = await userManager.AddToRoleAsync(user, Roles.Customer);
        }
        if (!result.Succeeded)
        {
            return new RegistrationResult.Rejected([.. result.Errors]);
        }

        db.Customers.Add(new Customer
        {
            Id = user.Id,
            CustomerNumber = await NewCustomerNumberAsync(),
            CustomerSince = time.GetUtcNow().UtcDateTime,
            FullName = customer.FullName.Trim(),
            CountryCode = customer.CountryCode.ToUpperInvariant(),
        });
        await db.SaveChangesAsync();
        // Every switch starts where the rule for the customer's country puts it, with a record saying so.
        await consents.ApplyAsync(db, user.Id, defaults.For(customer.CountryCode), ConsentDefaults.CountryRule);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return new RegistrationResult.Created(user);
    }

    private Task TellOwnerAsync(ApplicationUser owner) =>
        outbox.EnqueueAsync(new OutboundEmail(owner.Id, owner.Email!, "Someone tried to open an account with your address",
            EmailTemplate.Compose(owner.DisplayName,
                ["Someone tried to create a new Com 1 Control Panel account with this email address, which already has an account.",
                 "If it was you, simply sign in; if you forgot your password, use \"Forgot your password?\" on the sign-in page. If it was not you, no action is needed: nothing was changed."]),
            MessageCategory.Essential,
            "Someone tried to create a new account with your email address. Nothing was changed."));

    /// <summary>"C-" and seven random digits: not guessable from the previous customer's number.</summary>
    private async Task<string> NewCustomerNumberAsync()
    {
        while (true)
        {
            var number = $"C-{RandomNumberGenerator.GetInt32(1_000_000, 10_000_000)}";
            if (!await db.Customers.AnyAsync(c => c.CustomerNumber == number))
            {
                return number;
            }
        }
    }
}

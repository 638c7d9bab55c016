using Com1ControlPanel.Features.Accounts.SignIns;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Data.DemoData;

/// <summary>Adds the demo accounts when they are missing; running it twice changes nothing.</summary>
internal sealed class DemoDataSeeder(
    UserManager<ApplicationUser> users,
    AppDbContext db,
    ConsentLedger consents,
    ConsentDefaults defaults,
    DemoDisclosures disclosures,
    DemoSupportAccess supportAccess,
    DemoPaymentCards paymentCards,
    DemoDomains domains,
    DemoTechnicalContactMoves contactMoves,
    TimeProvider time,
    ILogger<DemoDataSeeder> logger)
{
    /// <summary>
    /// Every demo account has the one documented password, so it is hashed once (100,000 PBKDF2 rounds) rather than once
    /// per account: about a quarter of a second off each start on a new database, and off every test app's.
    /// </summary>
    private string? demoPasswordHash;

    public async Task SeedAsync()
    {
        foreach (var staff in DemoAccounts.Staff)
        {
            await EnsureUserAsync(staff.Email, staff.DisplayName, staff.Role);
        }
        foreach (var customer in DemoAccounts.Customers)
        {
            var user = await EnsureUserAsync(customer.Email, customer.FullName, Infrastructure.Security.Roles.Customer);
            if (!await db.Customers.AnyAsync(c => c.Id == user.Id))
            {
                AddCustomer(user, customer);
                await db.SaveChangesAsync();
                await AddChoicesAsync(user, customer);
            }
        }
        var alice = await users.FindByEmailAsync("alice@example.com");
        var bob = await users.FindByEmailAsync("bob@example.com");
        var compliance = await users.FindByEmailAsync("compliance@com1.test");
        await disclosures.SeedAsync(alice!.Id, compliance!.Id, compliance.DisplayName);
        var agent = await users.FindByEmailAsync("agent@com1.test");
        await supportAccess.SeedAsync(alice.Id, bob!.Id, agent!.Id, agent.DisplayName);
        await paymentCards.SeedAsync(alice.Id, bob.Id);
        await domains.SeedAsync(alice.Id, bob.Id);
        await contactMoves.SeedAsync(bob.Id, bob.DisplayName);
        logger.LogInformation("Demo accounts are in place");
    }

    private async Task<ApplicationUser> EnsureUserAsync(string email, string displayName, string role)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
            user.PasswordHash = demoPasswordHash ??= users.PasswordHasher.HashPassword(user, DemoAccounts.Password);
            Check(await users.CreateAsync(user));
        }
        if (!await users.IsInRoleAsync(user, role))
        {
            Check(await users.AddToRoleAsync(user, role));
        }
        return user;
    }

    private void AddCustomer(ApplicationUser user, DemoAccounts.DemoCustomer demo)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var since = demo.Since.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
        db.Customers.Add(new Customer
        {
            Id = user.Id,
            CustomerNumber = $"C-{1_040_000 + Array.IndexOf(DemoAccounts.Customers, demo) * 317 + 42}",
            CustomerSince = since,
            FullName = demo.FullName,
            Company = demo.Company,
            Street = demo.Street,
            City = demo.City,
            Region = demo.Region,
            PostalCode = demo.PostalCode,
            CountryCode = demo.CountryCode,
            Phone = demo.Phone,
            MobilePhone = demo.MobilePhone,
            RequireSupportApproval = demo.RequireSupportApproval,
            Version = 1,
            Services = [.. demo.Services.Select((s, i) => new ServiceSubscription
            {
                CustomerId = user.Id,
                Service = s.Service,
                Plan = s.Plan,
                StartedOn = demo.Since.AddMonths(i * 7),
            })],
        });
        // A little history, so "Recent changes" and "last sign-in" read like a real account's.
        db.ProfileChanges.Add(new ProfileChange
        {
            CustomerId = user.Id,
            Field = ProfileField.Street,
            OldValue = "Old Mill Road 3",
            NewValue = demo.Street,
            ChangedAt = now.AddDays(-40),
            ActorUserId = user.Id,
            ActorName = demo.FullName,
            Source = ChangeSource.Customer,
        });
        AddWelcomeMessage(user, now.AddDays(-60));
        db.SignInRecords.Add(new SignInRecord
        {
            UserId = user.Id,
            At = now.AddDays(-3).AddHours(-2),
            Succeeded = true,
            Method = SignInMethod.Password,
            Network = "203.0.113.x",
            Browser = "Firefox on Windows",
        });
    }

    /// <summary>The country's starting choices; bob (Germany, so all off) has since allowed Com 1 product news by email.</summary>
    private async Task AddChoicesAsync(ApplicationUser user, DemoAccounts.DemoCustomer demo)
    {
        await consents.ApplyAsync(db, user.Id, defaults.For(demo.CountryCode), ConsentDefaults.CountryRule);
        await db.SaveChangesAsync();
        if (demo.CountryCode == "DE")
        {
            var bob = new Actor(user.Id, demo.FullName, ChangeSource.Customer);
            await consents.ApplyAsync(db, user.Id,
                new Dictionary<ConsentKey, bool> { [new(MarketingPurpose.ComProducts, ContactChannel.Email)] = true }, bob);
            await db.SaveChangesAsync();
        }
    }

    private void AddWelcomeMessage(ApplicationUser user, DateTime at) => db.OutboxMessages.Add(new OutboxMessage
    {
        RecipientUserId = user.Id,
        ToAddress = user.Email!,
        Subject = "Welcome to the Com 1 Control Panel",
        Category = MessageCategory.Essential,
        PanelText = "Your control panel is ready. Check your account data, and set up two-factor authentication to keep your account safe.",
        CreatedAt = at,
        NextAttemptAt = at,
        SentAt = at,
        Status = OutboxStatus.Sent,
        Attempts = 1,
    });

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                "Could not create a demo account: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}

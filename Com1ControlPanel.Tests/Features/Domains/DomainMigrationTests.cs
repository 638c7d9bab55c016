using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Domains;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Com1ControlPanel.Tests.Features.Domains;

/// <summary>
/// A database from before the domain record keeps its domains: each moves over with its id, its customer as Registrant,
/// Administrative and Billing Contact (a person, details withheld) and Com 1 as Technical Contact; and its history is permanent.
/// </summary>
public sealed class DomainMigrationTests : IDisposable
{
    private const string Before = "20261130075407_BillingDesk";
    private readonly string folder = TempFolder.New();

    private AppDbContext Open() => new(new DbContextOptionsBuilder<AppDbContext>()
        .UseSqlite($"Data Source={Path.Combine(folder, "old.db")};Pooling=false")
        .UseApplicationServiceProvider(new ServiceCollection()
            .Configure<Microsoft.AspNetCore.Identity.IdentityOptions>(o => o.Stores.SchemaVersion = Microsoft.AspNetCore.Identity.IdentitySchemaVersions.Version3)
            .BuildServiceProvider())
        .Options);

    [Fact]
    public async Task Domains_of_an_older_database_survive_the_migration_complete_and_private()
    {
        await using (var old = Open())
        {
            await old.GetService<IMigrator>().MigrateAsync(Before);
            await old.Database.ExecuteSqlRawAsync("""
                INSERT INTO AspNetUsers (Id, DisplayName, Email, EmailConfirmed, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount)
                VALUES ('olga', 'Olga Older', 'olga@example.com', 1, 0, 0, 0, 0);
                INSERT INTO Customers (Id, CustomerNumber, Status, CustomerSince, FullName, Company, Street, City, Region, PostalCode, CountryCode,
                                       Phone, Version, RequireSupportApproval)
                VALUES ('olga', 'C-1000001', 'Active', '2018-01-01 00:00:00', 'Olga Older', NULL, '1 Elm Street', 'Portland', 'OR', '97201', 'US',
                        '+15035550100', 1, 0);
                INSERT INTO CustomerDomains (Id, CustomerId, Name, RegisteredOn) VALUES (41, 'olga', 'olga-older.example', '2018-04-01');
                """);
        }

        await using var db = Open();
        await db.Database.MigrateAsync();

        var domain = await db.Domains.Include(d => d.Contacts).SingleAsync();
        Assert.Equal((41, "olga", "olga-older.example", new DateOnly(2018, 4, 1)), (domain.Id, domain.CustomerId, domain.Name, domain.RegisteredOn));
        Assert.Equal((DomainStatus.Active, false, 1), (domain.Status, domain.PublishContacts, domain.Version));
        Assert.True(domain.ExpiresOn > DateOnly.FromDateTime(DateTime.UtcNow) && domain.ExpiresOn.Month == 4 && domain.ExpiresOn.Day == 1);
        Assert.Equal(["ns1.com1.example", "ns2.com1.example"], domain.NameServers);
        Assert.True(domain.Contact(DomainContactRole.Technical).IsCom1);
        foreach (var role in new[] { DomainContactRole.Registrant, DomainContactRole.Administrative, DomainContactRole.Billing })
        {
            var contact = domain.Contact(role);
            Assert.Equal((false, ContactKind.Person, "Olga Older", "olga@example.com", "+15035550100", "Portland", "US"),
                (contact.IsCom1, contact.Kind, contact.Name, contact.Email, contact.Phone, contact.City, contact.CountryCode));
        }
    }

    [Fact]
    public async Task The_migrated_database_refuses_to_change_or_delete_domain_history()
    {
        await using var db = Open();
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO AspNetUsers (Id, DisplayName, EmailConfirmed, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount)
            VALUES ('hugo', 'Hugo', 1, 0, 0, 0, 0);
            INSERT INTO Customers (Id, CustomerNumber, Status, CustomerSince, FullName, CountryCode, Version, RequireSupportApproval, BillingSameAsPostal)
            VALUES ('hugo', 'C-1000002', 'Active', '2020-01-01 00:00:00', 'Hugo', 'US', 1, 0, 1);
            INSERT INTO Domains (Id, CustomerId, Name, Status, TransferLock, RegisteredOn, ExpiresOn, AutoRenew, NameServers, PublishContacts, Version)
            VALUES (7, 'hugo', 'hugo.example', 'Active', 1, '2020-01-01', '2027-01-01', 1, '[]', 0, 1);
            INSERT INTO DomainChanges (DomainId, CustomerId, Kind, OldValue, NewValue, ChangedAt, ActorUserId, ActorName, Source)
            VALUES (7, 'hugo', 'ContactPublication', 'Withheld', 'Published', '2026-11-30 09:00:00', 'hugo', 'Hugo', 'Customer');
            """);

        await Assert.ThrowsAsync<SqliteException>(() => db.DomainChanges.ExecuteUpdateAsync(s => s.SetProperty(c => c.NewValue, "Withheld")));
        await Assert.ThrowsAsync<SqliteException>(() => db.DomainChanges.ExecuteUpdateAsync(s => s.SetProperty(c => c.ActorName, "Someone else")));
        await Assert.ThrowsAsync<SqliteException>(() => db.DomainChanges.ExecuteDeleteAsync());
        await Assert.ThrowsAsync<SqliteException>(() => db.Domains.ExecuteDeleteAsync());
        Assert.Equal("Published", (await db.DomainChanges.SingleAsync()).NewValue);
    }

    public void Dispose() => TempFolder.Delete(folder);
}

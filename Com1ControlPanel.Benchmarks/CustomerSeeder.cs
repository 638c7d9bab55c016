using Microsoft.Data.Sqlite;

namespace Com1ControlPanel.Benchmarks;

/// <summary>
/// Inserts customers, their sign-in identities and their marketing switches with raw ADO.NET: prepared statements
/// in one transaction, which SQLite takes in a few seconds where EF Core would take minutes.
/// </summary>
internal static class CustomerSeeder
{
    /// <summary>The share of customers whose switch is on, per purpose and channel: roughly what an opt-out customer base looks like.</summary>
    public static readonly (string Purpose, string Channel, double Allowed)[] Switches =
    [
        ("ComProducts", "Email", 0.60), ("ComProducts", "Phone", 0.25), ("ComProducts", "PostalMail", 0.30),
        ("PartnerOffers", "Email", 0.35), ("PartnerOffers", "Phone", 0.10), ("PartnerOffers", "PostalMail", 0.15),
        ("PartnerSharing", "None", 0.20), ("UsageStatistics", "None", 0.50),
    ];

    private static readonly string[] Countries = ["US", "US", "US", "US", "US", "US", "US", "CA", "DE", "GB"];
    private static readonly string[] FirstNames = ["Alice", "Bob", "Carla", "Dmitri", "Eun-ji", "Farah", "Gustavo", "Hana", "Ivan", "Jana"];
    private static readonly string[] LastNames = ["Morgan", "Schneider", "Okafor", "Novak", "Kim", "Haddad", "Silva", "Tanaka", "Petrov", "Dvořák"];

    public static void Seed(string connectionString, int customers, int seed = 2026)
    {
        var random = new Random(seed);
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();

        using var user = Prepare(connection, transaction,
            """
            INSERT INTO AspNetUsers (Id, DisplayName, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed,
                SecurityStamp, ConcurrencyStamp, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount)
            VALUES ($id, $name, $email, $normalized, $email, $normalized, 1, $stamp, $stamp, 0, 0, 1, 0)
            """, "$id", "$name", "$email", "$normalized", "$stamp");
        using var customer = Prepare(connection, transaction,
            """
            INSERT INTO Customers (Id, CustomerNumber, Status, CustomerSince, FullName, Company, Street, City, Region, PostalCode,
                CountryCode, Phone, MobilePhone, Version)
            VALUES ($id, $number, $status, '2020-01-01 00:00:00', $name, $company, $street, 'Springfield', 'IL', '62701',
                $country, $phone, $mobile, 1)
            """, "$id", "$number", "$status", "$name", "$company", "$street", "$country", "$phone", "$mobile");
        using var state = Prepare(connection, transaction,
            """
            INSERT INTO ConsentStates (CustomerId, Purpose, Channel, Granted, ChangedAt, ChangedBy)
            VALUES ($id, $purpose, $channel, $granted, '2026-11-01 00:00:00', 'RegistrationDefault')
            """, "$id", "$purpose", "$channel", "$granted");

        for (var i = 0; i < customers; i++)
        {
            var id = Guid.NewGuid().ToString();
            var name = $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}";
            var email = $"customer{i:D6}@example.com";
            Run(user, id, name, email, email.ToUpperInvariant(), Guid.NewGuid().ToString("N"));

            var roll = random.NextDouble();
            Run(customer, id, $"C-{i + 1:D7}", roll < 0.95 ? "Active" : roll < 0.98 ? "Suspended" : "Closed", name,
                random.NextDouble() < 0.15 ? $"{name} Ltd" : null, $"{random.Next(1, 9999)} Main Street",
                Countries[random.Next(Countries.Length)], $"+1217555{random.Next(0, 10000):D4}",
                random.NextDouble() < 0.4 ? $"+1217556{random.Next(0, 10000):D4}" : null);

            foreach (var (purpose, channel, allowed) in Switches)
            {
                Run(state, id, purpose, channel, random.NextDouble() < allowed ? 1 : 0);
            }
        }
        transaction.Commit();
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
        command.ExecuteNonQuery();
    }
}

using System.Net;
using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Disclosures;
using Com1ControlPanel.Features.Disclosures.Compliance;
using Com1ControlPanel.Infrastructure.Email;
using Com1ControlPanel.Tests.Features.Disclosures.Compliance;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;

namespace Com1ControlPanel.Tests.MultiInstance;

/// <summary>
/// Two instances of the panel, each its own process, on one PostgreSQL database, as behind a load balancer: a sign-in made
/// on one works on the other; queued emails go out once; and a group disclosure whose instance is killed in the middle is
/// finished by the other, with every chain verifying and nobody written twice.
/// </summary>
[Trait("Category", "MultiInstance")]
public sealed class TwoInstancesTests : IAsyncLifetime
{
    private const string Password = "Demo-Pass-2026!";
    private const int Customers = 20_000;

    private static readonly Dictionary<string, string> Settings = new()
    {
        // A job of a dead instance is taken up after five seconds, not two minutes; queued jobs are looked for often.
        ["Jobs:ResumeAfter"] = "00:00:05",
        ["Jobs:PollInterval"] = "00:00:00.200",
    };

    private readonly TestDatabase database = new(Path.Combine(TempFolder.New(), "com1.db"), DatabaseProvider.PostgreSQL);
    private PanelInstance first = null!;
    private PanelInstance second = null!;

    public async Task InitializeAsync()
    {
        // One after the other: the first migrates and seeds the demo data, the second finds them there.
        first = await PanelInstance.StartAsync("PostgreSQL", database.ConnectionString, Settings);
        second = await PanelInstance.StartAsync("PostgreSQL", database.ConnectionString, Settings);
    }

    public async Task DisposeAsync()
    {
        await first.DisposeAsync();
        await second.DisposeAsync();
        database.Dispose();
    }

    [Fact]
    public async Task A_customer_signed_in_on_one_instance_is_signed_in_on_the_other()
    {
        var cookies = new CookieContainer();
        using var onFirst = first.Client(cookies);
        await onFirst.SignedInAsync("alice@example.com", Password);
        // The same cookie, sent to the other instance (a balancer without sticky sessions does just that).
        var onSecondCookies = new CookieContainer();
        foreach (Cookie cookie in cookies.GetCookies(first.BaseAddress))
        {
            onSecondCookies.Add(second.BaseAddress, new Cookie(cookie.Name, cookie.Value, "/"));
        }
        using var onSecond = second.Client(onSecondCookies);
        using var anonymous = second.Client();

        using var profile = await onSecond.GetAsync("/profile");
        using var refused = await anonymous.GetAsync("/profile");

        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        Assert.Contains("Alice", await profile.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
    }

    [Fact]
    public async Task A_thousand_queued_emails_are_each_delivered_once_by_one_of_the_instances()
    {
        const string subject = "Queued for two processes";
        await using (var db = database.CreateDbContext())
        {
            // What the panel does when it saves messages: queue a delivery run, which either instance may take.
            var outbox = new Outbox(database, new OutboxSignal(new BackgroundJobClient(JobStorage())), TimeProvider.System);
            for (var i = 0; i < 1000; i++)
            {
                outbox.Add(db, new OutboundEmail(null, $"queued-{i}@example.com", subject,
                    EmailTemplate.Compose("Customer", ["Your backup finished."]), MessageCategory.Essential, "Your backup finished."));
            }
            await db.SaveChangesAsync();
            outbox.NotifySaved();
        }

        var sent = await WaitForAsync(async () =>
        {
            await using var db = database.CreateDbContext();
            var count = await db.OutboxMessages.CountAsync(m => m.Subject == subject && m.Status == OutboxStatus.Sent);
            return count == 1000 ? count : (int?)null;
        }, TimeSpan.FromSeconds(90));
        var files = await WaitForAsync(() =>
        {
            var found = Directory.EnumerateFiles(first.MailFolder, "*.eml").Concat(Directory.EnumerateFiles(second.MailFolder, "*.eml"))
                .Select(File.ReadAllText).Where(m => m.Contains(subject, StringComparison.Ordinal)).ToList();
            return Task.FromResult(found.Count >= 1000 ? found : null);
        }, TimeSpan.FromSeconds(10));

        Assert.Equal(1000, sent);
        Assert.Equal(1000, files.Count);
        Assert.Equal(1000, files.Select(MessageId).Distinct().Count());
    }

    [Fact]
    public async Task A_group_disclosure_whose_instance_is_killed_is_finished_by_the_other()
    {
        await AddCustomersAsync();
        var disclosureId = await QueueTransferAsync();

        // Wait until the first batch is in, then kill whichever instance is writing: the rest is uncommitted.
        var writtenAtKill = await WaitForAsync(async () =>
        {
            await using var db = database.CreateDbContext();
            var affected = await db.Disclosures.Where(d => d.Id == disclosureId).Select(d => d.AffectedCustomers).SingleAsync();
            return affected > 0 ? affected : (int?)null;
        }, TimeSpan.FromSeconds(60), every: TimeSpan.FromMilliseconds(5));
        var writer = await WriterAsync(disclosureId);
        (writer == first.ProcessId ? first : second).Kill();
        var survivor = writer == first.ProcessId ? second : first;

        var status = await WaitForAsync(async () =>
        {
            await using var db = database.CreateDbContext();
            var current = await db.Disclosures.Where(d => d.Id == disclosureId).Select(d => d.Status).SingleAsync();
            return current == DisclosureStatus.Writing ? (DisclosureStatus?)null : current;
        }, TimeSpan.FromSeconds(120));

        await using var check = database.CreateDbContext();
        var active = await check.Customers.CountAsync(c => c.Status == Com1ControlPanel.Features.Customers.AccountStatus.Active);
        var entries = await check.DisclosureEntries.Where(e => e.DisclosureId == disclosureId).Select(e => e.CustomerId).ToListAsync();
        var stored = await check.Disclosures.SingleAsync(d => d.Id == disclosureId);
        Assert.True(writtenAtKill < active, $"The write had finished ({writtenAtKill} of {active}) before its instance was killed.");
        Assert.Equal(DisclosureStatus.Recorded, status);
        Assert.Equal(active, entries.Count);
        Assert.Equal(active, entries.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(active, stored.AffectedCustomers);
        Assert.Equal(survivor.ProcessId, await WriterAsync(disclosureId));
        await AssertEveryChainVerifiesAsync(check);
    }

    private async Task AddCustomersAsync()
    {
        await using var db = database.CreateDbContext();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "AspNetUsers" ("Id", "DisplayName", "UserName", "Email", "NormalizedEmail", "EmailConfirmed", "PhoneNumberConfirmed",
                "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
            SELECT format('bulk-%s', lpad(i::text, 6, '0')), 'Bulk', format('bulk%s@example.net', lpad(i::text, 6, '0')),
                format('bulk%s@example.net', lpad(i::text, 6, '0')), format('BULK%s@EXAMPLE.NET', lpad(i::text, 6, '0')),
                TRUE, FALSE, FALSE, TRUE, 0
            FROM generate_series(1, {Customers}) AS i
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Customers" ("Id", "CustomerNumber", "Status", "CustomerSince", "FullName", "CountryCode", "Version", "RequireSupportApproval")
            SELECT format('bulk-%s', lpad(i::text, 6, '0')), format('B-%s', lpad(i::text, 7, '0')), 'Active',
                TIMESTAMPTZ '2020-01-01 00:00:00Z', 'Bulk', 'US', 1, FALSE
            FROM generate_series(1, {Customers}) AS i
            """);
    }

    // What the compliance page does for a business transfer to everyone: the disclosure, its stored audience, and the job.
    private async Task<Guid> QueueTransferAsync()
    {
        await using var db = database.CreateDbContext();
        var disclosureId = await ComplianceTestData.TransferToEveryoneAsync(db);
        new DisclosureJobQueue(new BackgroundJobClient(JobStorage())).Enqueue(disclosureId);
        return disclosureId;
    }

    private PostgreSqlStorage JobStorage()
    {
        var options = new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = false };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString, options), options);
    }

    /// <summary>The process whose job server last ran the disclosure's job (its server name ends with the process id).</summary>
    private async Task<int> WriterAsync(Guid disclosureId)
    {
        await using var db = database.CreateDbContext();
        var servers = await db.Database.SqlQuery<string>($"""
            SELECT s.data::jsonb ->> 'ServerId' AS "Value" FROM hangfire.state s JOIN hangfire.job j ON j.id = s.jobid
            WHERE s.name = 'Processing' AND j.arguments::text LIKE {"%" + disclosureId + "%"} ORDER BY s.id DESC LIMIT 1
            """).ToListAsync();
        var server = Assert.Single(servers);
        // "machine:pid:guid": the name the panel gives its server (machine:pid), then the engine's own suffix.
        return int.Parse(server.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task AssertEveryChainVerifiesAsync(AppDbContext db)
    {
        var entries = (await db.DisclosureEntries.AsNoTracking().Include(e => e.Disclosure).ToListAsync())
            .GroupBy(e => e.CustomerId).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Sequence).ToList());
        var heads = await db.DisclosureChainHeads.AsNoTracking().ToDictionaryAsync(h => h.CustomerId);
        var broken = entries.Select(log => (log.Key, Check: DisclosureChain.Verify(log.Key, log.Value, heads.GetValueOrDefault(log.Key))))
            .Where(c => !c.Check.Intact).Select(c => $"{c.Key}: {c.Check.Problem}").Take(5).ToList();
        Assert.Empty(broken);
    }

    private static string MessageId(string eml) =>
        eml.Split('\n').First(line => line.StartsWith("Message-ID:", StringComparison.OrdinalIgnoreCase)).Trim();

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, TimeSpan? every = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Nothing came within {timeout.TotalSeconds:N0} seconds.");
            }
            await Task.Delay(every ?? TimeSpan.FromMilliseconds(200));
        }
    }
}

using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Accounts.Closing;
using Com1ControlPanel.Features.Accounts.SignIns;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Disclosures;
using Com1ControlPanel.Features.Disclosures.Log;
using Com1ControlPanel.Features.Domains;
using Com1ControlPanel.Features.Notifications;
using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Email;
using Com1ControlPanel.Tests.Features.Billing;
using Com1ControlPanel.Tests.Features.Domains;
using Microsoft.AspNetCore.Identity;

namespace Com1ControlPanel.Tests.Features.Accounts.Closing;

/// <summary>
/// The retention job on a closed account with data everywhere: on day 30 the personal data nothing requires goes, the
/// records the law keeps stay with the customer number for the name (and the disclosure log still verifies), and six years
/// after closing those go too. The permanent tables refuse anything else, as before.
/// </summary>
public class ClosedAccountRetentionTests : ServiceTest
{
    public ClosedAccountRetentionTests() : this(null)
    {
    }

    protected ClosedAccountRetentionTests(DatabaseProvider? provider) : base(BillingSteps.Start, provider: provider)
    {
    }

    private const string Domain = "closing-test.example";

    private async Task<RetentionRun> RunAsync()
    {
        using var scope = Kit.As(Principals.Visitor);
        return await scope.Get<ClosedAccountRetention>().RunOnceAsync();
    }

    /// <summary>A customer with data in every table retention touches, closed by themselves now.</summary>
    private async Task<TestCustomer> ClosedCustomerAsync(string name = "Alice Retention")
    {
        var customer = await Kit.Customers.NewAsync(name, authenticator: true, refuses: [new ConsentKey(MarketingPurpose.PartnerOffers, ContactChannel.Phone)]);
        var self = new Actor(customer.Id, name, ChangeSource.Customer);
        var changes = Kit.Get<CustomerChanges>();
        await using (var db = Kit.CreateDbContext())
        {
            await changes.ApplyAsync(db, customer.Id, self,
                [new(ProfileField.FullName, name + " Smith"), new(ProfileField.Street, "2 Private Road"), new(ProfileField.Phone, "+14155550111")]);
        }
        await using (var db = Kit.CreateDbContext())
        {
            await changes.ApplyAsync(db, customer.Id, new Actor("billing-1", "Sam Patel", ChangeSource.BillingOnBehalf),
                [new(ProfileField.City, "Oakland")], new ChangeReason("Phone call"));
        }
        await Kit.CardOnFileAsync(customer.Id);
        var domain = await Kit.DomainAsync(customer.Id, Domain);
        await using (var db = Kit.CreateDbContext())
        {
            await Kit.Get<DomainChanges>().SetContactPublicationAsync(db, domain.Id, true, self);
            db.SignInRecords.AddRange(
                new SignInRecord { UserId = customer.Id, At = Kit.Now.AddDays(-3), Succeeded = true, Method = SignInMethod.Password, Network = "203.0.113.x", Browser = "Firefox on Linux" },
                new SignInRecord { UserId = customer.Id, At = Kit.Now.AddDays(-2), Succeeded = false, Method = SignInMethod.Password, Network = "198.51.100.x", Browser = "Chrome on Windows", Outcome = "WrongCredentials" });
            NotificationService.Add(db, customer.Id, "Hello", "A notification", null, Kit.Now);
            await db.SaveChangesAsync();
        }
        using (var passkey = new SoftPasskey())
        using (var scope = Kit.As(Principals.Visitor))
        {
            var users = scope.Get<UserManager<ApplicationUser>>();
            Assert.True((await users.AddOrUpdatePasskeyAsync((await users.FindByIdAsync(customer.Id))!, passkey.ToStored())).Succeeded);
        }
        await Kit.Disclosures.RecordManyAsync(customer.Id, 3);
        await Kit.Get<DisclosureNotices>().RunOnceAsync();

        using (var scope = Kit.As(customer.Principal))
        {
            Assert.IsType<AccountClosingResult.Closed>(await scope.Get<AccountClosing>().CloseAsync(customer.Id, reason: null));
        }
        // Delivered, as the dispatcher of the running app would have done by now.
        await using (var db = Kit.CreateDbContext())
        {
            await db.OutboxMessages.Where(m => m.RecipientUserId == customer.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sent));
        }
        return customer;
    }

    private async Task<LogVerification> VerifyLogAsync(TestCustomer customer)
    {
        using var scope = Kit.As(customer.Principal);
        return await scope.Get<DisclosureLogService>().VerifyAsync();
    }

    [Fact]
    public async Task Nothing_goes_on_day_29_and_the_personal_data_goes_on_day_30()
    {
        var customer = await ClosedCustomerAsync();

        Kit.Clock.Advance(TimeSpan.FromDays(29));
        Assert.Equal(0, (await RunAsync()).AccountsAnonymised);
        await using (var db = Kit.CreateDbContext())
        {
            Assert.Equal("Alice Retention Smith", (await db.Customers.SingleAsync(c => c.Id == customer.Id)).FullName);
            Assert.True(await db.PaymentCards.AnyAsync(c => c.CustomerId == customer.Id));
        }

        Kit.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, (await RunAsync()).AccountsAnonymised);
        await using (var db = Kit.CreateDbContext())
        {
            Assert.Equal(customer.CustomerNumber, (await db.Customers.SingleAsync(c => c.Id == customer.Id)).FullName);
            var closure = await db.AccountClosures.SingleAsync(c => c.CustomerId == customer.Id);
            Assert.Equal((RetentionStep.Anonymised, Kit.Now), (closure.Retention, closure.AnonymisedAt));
        }
        Assert.Equal(0, (await RunAsync()).AccountsAnonymised);
    }

    [Fact]
    public async Task The_profile_sign_in_card_domains_passkeys_and_messages_lose_what_nothing_requires()
    {
        var customer = await ClosedCustomerAsync();
        Kit.Clock.Advance(TimeSpan.FromDays(30));

        await RunAsync();

        await using var db = Kit.CreateDbContext();
        var stored = await db.Customers.SingleAsync(c => c.Id == customer.Id);
        Assert.Equal((customer.CustomerNumber, AccountStatus.Closed, "US"), (stored.FullName, stored.Status, stored.CountryCode));
        Assert.All(new[] { stored.Company, stored.Street, stored.City, stored.Region, stored.PostalCode, stored.Phone, stored.MobilePhone }, Assert.Null);
        var user = await db.Users.SingleAsync(u => u.Id == customer.Id);
        Assert.Equal((RetentionRules.PlaceholderEmail(customer.CustomerNumber), customer.CustomerNumber, (string?)null, false),
            (user.Email, user.DisplayName, user.PasswordHash, user.TwoFactorEnabled));
        Assert.False(await db.UserPasskeys.AnyAsync(p => p.UserId == customer.Id));
        Assert.False(await db.UserTokens.AnyAsync(t => t.UserId == customer.Id));
        Assert.False(await db.PaymentCards.AnyAsync(c => c.CustomerId == customer.Id));
        Assert.False(await db.Notifications.AnyAsync(n => n.UserId == customer.Id));
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.RecipientUserId == customer.Id));
        var signIns = await db.SignInRecords.Where(r => r.UserId == customer.Id).OrderBy(r => r.At).ToListAsync();
        Assert.Equal([(true, (string?)null, "", ""), (false, "WrongCredentials", "", "")],
            signIns.Select(r => (r.Succeeded, r.Outcome, r.Network, r.Browser)));
        var domain = await db.Domains.Include(d => d.Contacts).SingleAsync(d => d.Name == Domain);
        var registrant = domain.Contact(DomainContactRole.Registrant);
        Assert.Equal((customer.CustomerNumber, (string?)null, (string?)null, (string?)null, "US"),
            (registrant.Name, registrant.Email, registrant.Phone, registrant.Street, registrant.CountryCode));
        Assert.True(domain.Contact(DomainContactRole.Technical).IsCom1);
        var removal = await db.DomainChanges.SingleAsync(c => c.DomainId == domain.Id && c.Kind == DomainChangeKind.PersonalContactsRemoved);
        Assert.Equal((ChangeSource.System, "Registrant, Administrative Contact, Billing Contact"), (removal.Source, removal.NewValue));
        Assert.Equal(customer.CustomerNumber, (await db.DomainChanges.SingleAsync(c => c.DomainId == domain.Id && c.Kind == DomainChangeKind.ContactPublication)).ActorName);
    }

    [Fact]
    public async Task The_kept_records_stay_with_the_customer_number_for_the_name_and_the_disclosure_log_still_verifies()
    {
        var customer = await ClosedCustomerAsync();
        await using (var before = Kit.CreateDbContext())
        {
            Assert.Contains(await before.ProfileChanges.Select(c => c.NewValue).ToListAsync(), v => v == "2 Private Road");
        }
        var consentRecords = await QueryAsync(db => db.ConsentRecords.CountAsync(r => r.CustomerId == customer.Id));
        Kit.Clock.Advance(TimeSpan.FromDays(30));

        await RunAsync();

        await using var db = Kit.CreateDbContext();
        var history = await db.ProfileChanges.Where(c => c.CustomerId == customer.Id).ToListAsync();
        var name = Assert.Single(history, c => c.Field == ProfileField.FullName);
        Assert.Equal((customer.CustomerNumber, customer.CustomerNumber, customer.CustomerNumber), (name.OldValue, name.NewValue, name.ActorName));
        Assert.All(history.Where(c => RetentionRules.ValuesRemovedFromHistory.Contains(c.Field)), c => Assert.Equal((null, null), (c.OldValue, c.NewValue)));
        Assert.Equal("Sam Patel", Assert.Single(history, c => c.Field == ProfileField.City).ActorName);
        Assert.Equal(("Active", "Closed"), history.Where(c => c.Field == ProfileField.AccountStatus).Select(c => (c.OldValue!, c.NewValue!)).Single());
        Assert.Contains(history, c => c.Field == ProfileField.PaymentCard && (c.OldValue ?? "").StartsWith("Visa ending 4242") && c.NewValue == null);
        Assert.Contains(history, c => c.Field == ProfileField.PersonalData && c.Source == ChangeSource.System);
        foreach (var personal in new[] { "Alice", "Private Road", "+14155550111", "Oakland", customer.Email })
        {
            Assert.DoesNotContain(history, c => c.ActorName.Contains(personal) || (c.OldValue ?? "").Contains(personal) || (c.NewValue ?? "").Contains(personal));
        }
        var consent = await db.ConsentRecords.Where(r => r.CustomerId == customer.Id).ToListAsync();
        Assert.Equal(consentRecords, consent.Count);
        Assert.All(consent.Where(r => r.ActorUserId == customer.Id), r => Assert.Equal(customer.CustomerNumber, r.ActorName));
        var log = await VerifyLogAsync(customer);
        Assert.True(log.Intact, log.Explanation);
        Assert.Equal(3, log.VerifiedEntries);
        Assert.Equal(3, await db.DisclosureNotices.CountAsync(n => n.CustomerId == customer.Id));
    }

    [Fact]
    public async Task The_old_address_can_open_a_new_account_once_the_closed_one_is_anonymised()
    {
        var customer = await ClosedCustomerAsync("Rhea Return");
        Kit.Clock.Advance(TimeSpan.FromDays(30));
        await RunAsync();

        using var scope = Kit.As(Principals.Visitor);
        var users = scope.Get<UserManager<ApplicationUser>>();
        var again = new ApplicationUser { UserName = customer.Email, Email = customer.Email, DisplayName = "Rhea Return" };

        Assert.True((await users.CreateAsync(again, TestCustomers.Password)).Succeeded);
        Assert.NotEqual(customer.Id, (await users.FindByEmailAsync(customer.Email))!.Id);
    }

    [Fact]
    public async Task Six_years_after_closing_the_disclosure_log_and_consent_records_go_and_the_empty_log_still_verifies()
    {
        var customer = await ClosedCustomerAsync();
        var closedAt = Kit.Now;
        Kit.Clock.Advance(TimeSpan.FromDays(30));
        await RunAsync();

        Kit.Clock.Advance(closedAt.AddYears(6).AddDays(-1) - Kit.Now);
        Assert.Equal(0, (await RunAsync()).AccountsRecordsRemoved);
        Assert.Equal(3, await QueryAsync(db => db.DisclosureEntries.CountAsync(e => e.CustomerId == customer.Id)));

        Kit.Clock.Advance(TimeSpan.FromDays(1));
        var run = await RunAsync();

        Assert.Equal(1, run.AccountsRecordsRemoved);
        await using var db = Kit.CreateDbContext();
        Assert.Equal((0, 0, 0, 0, 0), (
            await db.ConsentRecords.CountAsync(r => r.CustomerId == customer.Id),
            await db.ConsentStates.CountAsync(s => s.CustomerId == customer.Id),
            await db.DisclosureEntries.CountAsync(e => e.CustomerId == customer.Id),
            await db.DisclosureNotices.CountAsync(n => n.CustomerId == customer.Id),
            await db.DisclosureChainHeads.CountAsync(h => h.CustomerId == customer.Id)));
        Assert.Equal(RetentionStep.RecordsRemoved, (await db.AccountClosures.SingleAsync(c => c.CustomerId == customer.Id)).Retention);
        Assert.True((await VerifyLogAsync(customer)).Intact);
        // What the law keeps for good stays: the history of changes and the sign-in dates.
        Assert.True(await db.ProfileChanges.AnyAsync(c => c.CustomerId == customer.Id));
        Assert.Equal(2, await db.SignInRecords.CountAsync(r => r.UserId == customer.Id));
    }

    [Fact]
    public async Task Each_run_records_counts_per_table_and_nothing_personal()
    {
        var customer = await ClosedCustomerAsync();
        Kit.Clock.Advance(TimeSpan.FromDays(30));

        await RunAsync();

        await using var db = Kit.CreateDbContext();
        var run = await db.RetentionRuns.OrderBy(r => r.Id).LastAsync();
        Assert.Equal((Kit.Now, 1, 0, 0), (run.RanAt, run.AccountsAnonymised, run.AccountsRecordsRemoved, run.AccountsFailed));
        var rows = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, int>>(run.Rows)!;
        Assert.Equal((1, 1, 1, 2), (rows["PaymentCards"], rows["AspNetUserPasskeys"], rows["Customers"], rows["SignInRecords"]));
        Assert.All(rows.Keys, table => Assert.Contains(RetentionRules.Tables, t => t.Table == table));
        foreach (var personal in new[] { customer.Id, customer.CustomerNumber, customer.Email, "Alice", "Private Road" })
        {
            Assert.DoesNotContain(personal, run.Rows);
        }
    }

    [Fact]
    public async Task An_open_account_is_never_touched_however_old()
    {
        var open = await Kit.Customers.NewAsync("Otto Open");
        await ClosedCustomerAsync();
        Kit.Clock.Advance(TimeSpan.FromDays(3000));

        await RunAsync();

        await using var db = Kit.CreateDbContext();
        Assert.Equal("Otto Open", (await db.Customers.SingleAsync(c => c.Id == open.Id)).FullName);
        Assert.Equal(open.Email, (await db.Users.SingleAsync(u => u.Id == open.Id)).Email);
        Assert.True(await db.ConsentRecords.AnyAsync(r => r.CustomerId == open.Id));
    }

    [Fact]
    public async Task Outside_the_retention_job_the_permanent_records_of_a_closed_account_still_refuse_change_and_removal()
    {
        var customer = await ClosedCustomerAsync();
        Kit.Clock.Advance(TimeSpan.FromDays(30));
        await using var db = Kit.CreateDbContext();

        // Each is a change retention itself makes, tried outside its step: refused.
        await Kit.Database.RefusesAsync(() => db.ConsentRecords.Where(r => r.CustomerId == customer.Id && r.ActorUserId == customer.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ActorName, customer.CustomerNumber)));
        await Kit.Database.RefusesAsync(() => db.ProfileChanges.Where(c => c.CustomerId == customer.Id && c.Field == ProfileField.Street)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.NewValue, (string?)null)));
        await Kit.Database.RefusesAsync(() => db.SignInRecords.Where(r => r.UserId == customer.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Network, "").SetProperty(r => r.Browser, "")));
        await Kit.Database.RefusesAsync(() => db.DisclosureEntries.Where(e => e.CustomerId == customer.Id).ExecuteDeleteAsync());
        await Kit.Database.RefusesAsync(() => db.ConsentRecords.Where(r => r.CustomerId == customer.Id).ExecuteDeleteAsync());
        await Kit.Database.RefusesAsync(() => db.AccountClosures.Where(c => c.CustomerId == customer.Id).ExecuteDeleteAsync());
    }

    [Fact]
    public async Task Even_inside_the_retention_step_only_what_the_rules_allow_may_change()
    {
        var customer = await ClosedCustomerAsync();
        await using var db = Kit.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.AccountClosures.Where(c => c.CustomerId == customer.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Retention, RetentionStep.Anonymising));

        // A value may become empty or the number, never something else; who and when never change; nothing is deleted yet.
        await Kit.Database.RefusesAsync(db, () => db.ProfileChanges.Where(c => c.CustomerId == customer.Id && c.Field == ProfileField.Street)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.NewValue, "Somewhere else")));
        await Kit.Database.RefusesAsync(db, () => db.ProfileChanges.Where(c => c.CustomerId == customer.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ChangedAt, Kit.Now)));
        await Kit.Database.RefusesAsync(db, () => db.ProfileChanges.Where(c => c.CustomerId == customer.Id && c.ActorUserId == "billing-1")
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ActorName, customer.CustomerNumber)));
        await Kit.Database.RefusesAsync(db, () => db.SignInRecords.Where(r => r.UserId == customer.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Network, "10.0.0.x")));
        await Kit.Database.RefusesAsync(db, () => db.ConsentRecords.Where(r => r.CustomerId == customer.Id).ExecuteDeleteAsync());
        await Kit.Database.RefusesAsync(db, () => db.AccountClosures.Where(c => c.CustomerId == customer.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Retention, RetentionStep.Kept)));
        // What the rules allow goes through, for this customer only.
        Assert.True(await db.ProfileChanges.Where(c => c.CustomerId == customer.Id && c.Field == ProfileField.Street)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.NewValue, (string?)null)) > 0);
        await transaction.RollbackAsync();
    }

    [Fact]
    public async Task The_daily_job_removes_the_data_once_the_clock_passes_day_30()
    {
        var customer = await ClosedCustomerAsync();
        var retention = Kit.Get<ClosedAccountRetention>();

        // Day by day on the fake clock, as the engine runs it daily.
        for (var day = 0; day < 35 && await NameAsync(customer.Id) != customer.CustomerNumber; day++)
        {
            Kit.Clock.Advance(TimeSpan.FromDays(1));
            await retention.RunAsync(CancellationToken.None);
        }

        Assert.Equal(customer.CustomerNumber, await NameAsync(customer.Id));
        Assert.True(Kit.Now >= (await QueryAsync(db => db.AccountClosures.Where(c => c.CustomerId == customer.Id).Select(c => c.ClosedAt).SingleAsync())).AddDays(30));
    }

    private async Task<string> NameAsync(string customerId) =>
        await QueryAsync(db => db.Customers.Where(c => c.Id == customerId).Select(c => c.FullName).SingleAsync());

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var db = Kit.CreateDbContext();
        return await query(db);
    }
}

/// <summary>The same retention, with PostgreSQL's triggers allowing only what the rules allow.</summary>
[Trait("Category", "PostgreSQL")]
public sealed class ClosedAccountRetentionOnPostgreSqlTests() : ClosedAccountRetentionTests(DatabaseProvider.PostgreSQL);

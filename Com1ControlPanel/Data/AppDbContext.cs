using Com1ControlPanel.Features.Accounts.SignIns;
using Com1ControlPanel.Features.Billing;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Disclosures;
using Com1ControlPanel.Features.Domains;
using Com1ControlPanel.Features.Domains.ContactMoves;
using Com1ControlPanel.Features.Notifications;
using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Features.UsageStatistics;
using Com1ControlPanel.Infrastructure.Email;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Com1ControlPanel.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    /// <summary>The keys that protect cookies and account links, shared by every instance of the panel (see KeyRing).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<AccountClosure> AccountClosures => Set<AccountClosure>();
    public DbSet<Features.Accounts.Closing.RetentionRun> RetentionRuns => Set<Features.Accounts.Closing.RetentionRun>();
    public DbSet<ServiceSubscription> ServiceSubscriptions => Set<ServiceSubscription>();
    public DbSet<ProfileChange> ProfileChanges => Set<ProfileChange>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<SignInRecord> SignInRecords => Set<SignInRecord>();
    public DbSet<ConsentRecord> ConsentRecords => Set<ConsentRecord>();
    public DbSet<ConsentState> ConsentStates => Set<ConsentState>();
    public DbSet<UnsubscribeRedemption> UnsubscribeRedemptions => Set<UnsubscribeRedemption>();
    public DbSet<PageViewCount> PageViewCounts => Set<PageViewCount>();
    public DbSet<Domain> Domains => Set<Domain>();
    public DbSet<DomainContact> DomainContacts => Set<DomainContact>();
    public DbSet<DomainChange> DomainChanges => Set<DomainChange>();
    public DbSet<TechnicalContactMove> TechnicalContactMoves => Set<TechnicalContactMove>();
    public DbSet<MoveStep> TechnicalContactMoveSteps => Set<MoveStep>();
    public DbSet<StaffSearchRecord> StaffSearchRecords => Set<StaffSearchRecord>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<Disclosure> Disclosures => Set<Disclosure>();
    public DbSet<DisclosureEntry> DisclosureEntries => Set<DisclosureEntry>();
    public DbSet<DisclosureChainHead> DisclosureChainHeads => Set<DisclosureChainHead>();
    public DbSet<PendingDisclosureEntry> PendingDisclosureEntries => Set<PendingDisclosureEntry>();
    public DbSet<DisclosureNotice> DisclosureNotices => Set<DisclosureNotice>();
    public DbSet<DisclosureWriteJob> DisclosureWriteJobs => Set<DisclosureWriteJob>();
    public DbSet<SupportSession> SupportSessions => Set<SupportSession>();
    public DbSet<SupportAccessRequest> SupportAccessRequests => Set<SupportAccessRequest>();
    public DbSet<SupportAttempt> SupportAttempts => Set<SupportAttempt>();
    public DbSet<Features.Support.Help.HelpRequest> HelpRequests => Set<Features.Support.Help.HelpRequest>();
    public DbSet<Features.Support.Help.HelpRequestStep> HelpRequestSteps => Set<Features.Support.Help.HelpRequestStep>();
    public DbSet<PaymentCard> PaymentCards => Set<PaymentCard>();
    public DbSet<CardTokenRedemption> CardTokenRedemptions => Set<CardTokenRedemption>();
    public DbSet<GatewayCustomer> GatewayCustomers => Set<GatewayCustomer>();
    public DbSet<Features.Announcements.Announcement> Announcements => Set<Features.Announcements.Announcement>();
    public DbSet<Features.BillingDesk.CardPageLink> CardPageLinks => Set<Features.BillingDesk.CardPageLink>();
    public DbSet<Features.Policies.PolicyVersion> PolicyVersions => Set<Features.Policies.PolicyVersion>();
    public DbSet<Features.Policies.PolicyNotice> PolicyNotices => Set<Features.Policies.PolicyNotice>();
    public DbSet<Features.Policies.PolicyAcknowledgement> PolicyAcknowledgements => Set<Features.Policies.PolicyAcknowledgement>();

    /// <summary>
    /// Every context, however its options were made (the app, design-time tools, tests, benchmarks), sees only the
    /// migrations of its own provider.
    /// </summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.ReplaceService<IMigrationsAssembly, ProviderMigrations>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Each feature keeps its own entity configuration next to its entities.
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        if (Database.IsNpgsql())
        {
            // PostgreSQL folds unquoted names to lower case, and EF names its columns quoted: the same rule, quoted. SQLite
            // keeps the text its migrations were made with.
            builder.Entity<PaymentCard>().ToTable(t => t.HasCheckConstraint("CK_PaymentCards_Last4", "length(\"Last4\") = 4"));
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // All times are stored as UTC DateTime: portable between SQLite and PostgreSQL (timestamptz),
        // and orderable in SQLite, which cannot order DateTimeOffset columns.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        // Enums are stored by name so the database reads the same as the code.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}

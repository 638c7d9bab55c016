using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Accounts.Closing;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Features.Support.Help;

namespace Com1ControlPanel.Tests.Features.Support.Help;

/// <summary>
/// A closed account's help requests lose what the customer wrote, and the customer's name on their steps becomes the
/// customer number, when the rest of their personal data goes; when each step happened and which agent took it stay.
/// Outside that step the requests stay as asked.
/// </summary>
public class HelpRequestRetentionTests : ServiceTest
{
    public HelpRequestRetentionTests() : this(null)
    {
    }

    protected HelpRequestRetentionTests(DatabaseProvider? provider) : base(Start, provider: provider)
    {
    }

    private static readonly DateTimeOffset Start = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
    private const string Subject = "Invoice to 12 Rosewood Lane is wrong";
    private const string Description = "My neighbour Mrs Okafor got my invoice; please send it to me, Hilde Hansen.";

    private StaffMember agent = null!;

    protected override async Task ArrangeAsync() => agent = await Kit.Staff.NewAgentAsync("Dana Agent");

    /// <summary>A customer who asked for help (and was helped in a session for it) and then closed their account.</summary>
    private async Task<(TestCustomer Customer, string Reference)> ClosedAfterAskingAsync()
    {
        var customer = await Kit.Customers.NewAsync("Hilde Hansen");
        var reference = Assert.IsType<HelpResult.Saved>(await Kit.As(customer.Principal).Get<HelpRequests>().CreateAsync(
            new HelpRequestForm { Subject = Subject, Description = Description, AccessMinutes = 15 })).Reference;
        var started = await Kit.As(Principals.Agent(agent.Id, agent.Name)).Get<SupportSessions>().StartAsync(new SupportStartForm
        {
            CustomerId = customer.Id, Reason = SupportReason.CustomerInitiated, Ticket = reference, Note = "Correct the invoice address",
            Minutes = 15, HelpRequest = reference,
        });
        Assert.IsType<SupportStartResult.Started>(started);
        using (var scope = Kit.As(customer.Principal))
        {
            Assert.IsType<AccountClosingResult.Closed>(await scope.Get<AccountClosing>().CloseAsync(customer.Id, reason: null));
        }
        return (customer, reference);
    }

    private async Task RunRetentionAsync()
    {
        using var scope = Kit.As(Principals.Visitor);
        await scope.Get<ClosedAccountRetention>().RunOnceAsync();
    }

    [Fact]
    public async Task On_day_30_the_subject_description_and_the_customers_name_go_and_the_agents_steps_stay()
    {
        var (customer, reference) = await ClosedAfterAskingAsync();
        Kit.Clock.Advance(TimeSpan.FromDays(29));
        await RunRetentionAsync();
        await using (var db = Kit.CreateDbContext())
        {
            Assert.Equal(Subject, (await db.HelpRequests.SingleAsync(r => r.CustomerId == customer.Id)).Subject);
        }

        Kit.Clock.Advance(TimeSpan.FromDays(1));
        await RunRetentionAsync();

        await using var after = Kit.CreateDbContext();
        var request = await after.HelpRequests.Include(r => r.Steps).SingleAsync(r => r.CustomerId == customer.Id);
        Assert.Equal((HelpRequestRetention.RemovedSubject, "", reference), (request.Subject, request.Description, request.Reference));
        var asked = Assert.Single(request.Steps, s => s.Kind == HelpStepKind.Created);
        Assert.Equal((customer.Id, customer.CustomerNumber), (asked.ActorUserId, asked.ActorName));
        var helped = Assert.Single(request.Steps, s => s.Kind == HelpStepKind.SessionStarted);
        Assert.Equal((agent.Id, agent.Name), (helped.ActorUserId, helped.ActorName));
        foreach (var personal in new[] { "Hilde", "Rosewood", "Okafor" })
        {
            Assert.DoesNotContain(request.Steps, s => s.ActorName.Contains(personal, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Outside_retention_a_closed_accounts_request_still_refuses_any_change_to_what_was_asked()
    {
        var (customer, _) = await ClosedAfterAskingAsync();
        Kit.Clock.Advance(TimeSpan.FromDays(30));
        await using var db = Kit.CreateDbContext();

        // What retention itself writes, tried outside its step: refused.
        await Kit.Database.RefusesAsync(() => db.HelpRequests.Where(r => r.CustomerId == customer.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Subject, HelpRequestRetention.RemovedSubject).SetProperty(r => r.Description, "")));
        await Kit.Database.RefusesAsync(() => db.HelpRequestSteps.Where(s => s.CustomerId == customer.Id && s.ActorUserId == customer.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(step => step.ActorName, customer.CustomerNumber)));
    }

    [Fact]
    public async Task Inside_the_retention_step_only_the_removal_goes_through()
    {
        var (customer, _) = await ClosedAfterAskingAsync();
        await using var db = Kit.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.AccountClosures.Where(c => c.CustomerId == customer.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Retention, RetentionStep.Anonymising));

        // Other words than the removal's, an agent's name, or when it was asked: refused even now.
        await Kit.Database.RefusesAsync(db, () => db.HelpRequests.Where(r => r.CustomerId == customer.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Subject, "Something else").SetProperty(r => r.Description, "")));
        await Kit.Database.RefusesAsync(db, () => db.HelpRequests.Where(r => r.CustomerId == customer.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedAt, Kit.Now)));
        await Kit.Database.RefusesAsync(db, () => db.HelpRequestSteps.Where(s => s.CustomerId == customer.Id && s.ActorUserId == agent.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(step => step.ActorName, customer.CustomerNumber)));
        await Kit.Database.RefusesAsync(db, () => db.HelpRequestSteps.Where(s => s.CustomerId == customer.Id).ExecuteDeleteAsync());
        Assert.Equal(1, await db.HelpRequests.Where(r => r.CustomerId == customer.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Subject, HelpRequestRetention.RemovedSubject).SetProperty(r => r.Description, "")));
        await transaction.RollbackAsync();
    }
}

/// <summary>The same retention of help requests, with PostgreSQL's triggers allowing only what the rules allow.</summary>
[Trait("Category", "PostgreSQL")]
public sealed class HelpRequestRetentionOnPostgreSqlTests() : HelpRequestRetentionTests(DatabaseProvider.PostgreSQL);

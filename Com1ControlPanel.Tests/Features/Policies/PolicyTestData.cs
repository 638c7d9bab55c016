using Com1ControlPanel.Features.Policies;

namespace Com1ControlPanel.Tests.Features.Policies;

/// <summary>What the policy tests share: a valid draft, and publishing one as a new administrator.</summary>
internal static class PolicyTestData
{
    public const string Summary = "Partners' offers now need your consent first.";

    public static PolicyDraft Draft(DateTime effective, string markdown = "# Policy\n\nPartners' offers need your consent first.") =>
        new() { Markdown = markdown, Summary = Summary, EffectiveDate = effective };

    /// <summary>A new customer who joined at <paramref name="since"/>.</summary>
    public static async Task<TestCustomer> JoinedAsync(IPanel panel, string name, DateTime since)
    {
        var customer = await panel.Customers.NewAsync(name);
        await using var db = panel.CreateDbContext();
        await db.Customers.Where(c => c.Id == customer.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.CustomerSince, since));
        return customer;
    }

    /// <summary>A new administrator publishes a version effective <paramref name="daysAhead"/> days from the clock's today.</summary>
    public static async Task<string> PublishAsync(IPanel panel, DateTime now, int daysAhead = 30)
    {
        var admin = await panel.Staff.NewAsync(Com1ControlPanel.Infrastructure.Security.Roles.Admin);
        var result = await panel.As(admin.Principal).Get<PolicyPublishing>().PublishAsync(Draft(now.Date.AddDays(daysAhead)));
        return Assert.IsType<PolicyPublishResult.Published>(result).Version;
    }
}

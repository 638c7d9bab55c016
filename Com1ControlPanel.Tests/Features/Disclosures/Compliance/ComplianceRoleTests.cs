using System.Security.Claims;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Disclosures.Compliance;
using Com1ControlPanel.Infrastructure.Security;
using Com1ControlPanel.Tests.Support;
using static Com1ControlPanel.Tests.Features.Disclosures.Compliance.ComplianceTestData;

namespace Com1ControlPanel.Tests.Features.Disclosures.Compliance;

/// <summary>Only compliance officers record or read disclosures, whatever a page shows or a circuit sends.</summary>
public sealed class ComplianceRoleTests : IDisposable
{
    private readonly ComplianceTestData data = new();

    public static TheoryData<string> Others => ["customer", "support agent", "billing", "administrator", "visitor"];

    private ClaimsPrincipal Someone(string who) => who switch
    {
        "customer" => SignedIn.As(data.Customer("alice"), "Alice Morgan", Roles.Customer),
        "support agent" => SignedIn.As("agent-dana", "Dana Reyes", Roles.SupportAgent),
        "billing" => SignedIn.As("billing-sam", "Sam Patel", Roles.Billing),
        "administrator" => SignedIn.As("admin-chris", "Chris Novak", Roles.Admin),
        _ => new ClaimsPrincipal(new ClaimsIdentity()),
    };

    [Theory]
    [MemberData(nameof(Others))]
    public async Task Anyone_but_a_compliance_officer_is_refused_every_recorder_call_and_nothing_is_written(string who)
    {
        var target = data.Customer("bob");
        var recorder = data.RecorderFor(Someone(who));

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => recorder.RecordAsync(Draft(), DisclosureAudience.One(target)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => recorder.RecordAsync(Draft(), DisclosureAudience.Everyone));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => recorder.PreviewAsync(Draft(), DisclosureAudience.Everyone));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => recorder.ListAsync(null, 0));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => recorder.CorrectionDraftAsync(Guid.NewGuid()));

        Assert.Equal((0, 0, 0, 0, 0, 0), await data.WrittenAsync());
        Assert.Empty(data.Queue.Drain());
    }

    [Fact]
    public async Task Customers_and_visitors_cannot_search_customers()
    {
        var search = StaffSearches.For(data.Database, SignedIn.User(Someone("customer"), data.Database), data.Clock);
        var anonymous = StaffSearches.For(data.Database, SignedIn.User(Someone("visitor"), data.Database), data.Clock);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => search.FindAsync("bob"));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => anonymous.FindAsync("bob"));
    }

    public void Dispose() => data.Dispose();
}

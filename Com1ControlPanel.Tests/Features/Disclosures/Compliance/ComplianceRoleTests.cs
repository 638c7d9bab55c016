using System.Security.Claims;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Disclosures.Compliance;
using Com1ControlPanel.Infrastructure.Security;
using static Com1ControlPanel.Tests.Features.Disclosures.Compliance.ComplianceTestData;

namespace Com1ControlPanel.Tests.Features.Disclosures.Compliance;

/// <summary>Only compliance officers record or read disclosures, whatever a page shows or a circuit sends.</summary>
public sealed class ComplianceRoleTests : ComplianceTest
{
    public static TheoryData<string> Others => ["customer", "support agent", "billing", "administrator", "visitor"];

    private async Task<ClaimsPrincipal> SomeoneAsync(string who) => who switch
    {
        "customer" => Principals.Customer(await Kit.CustomerAsync("alice"), "Alice Morgan"),
        "support agent" => Principals.Agent("agent-dana", "Dana Reyes"),
        "billing" => Principals.Of("billing-sam", "Sam Patel", Roles.Billing),
        "administrator" => Principals.Of("admin-chris", "Chris Novak", Roles.Admin),
        _ => Principals.Visitor,
    };

    [Theory]
    [MemberData(nameof(Others))]
    public async Task Anyone_but_a_compliance_officer_is_refused_every_recorder_call_and_nothing_is_written(string who)
    {
        var target = await Kit.CustomerAsync("bob");
        var recorder = RecorderFor(await SomeoneAsync(who));

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => recorder.RecordAsync(Draft(), DisclosureAudience.One(target)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => recorder.RecordAsync(Draft(), DisclosureAudience.Everyone));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => recorder.PreviewAsync(Draft(), DisclosureAudience.Everyone));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => recorder.ListAsync(null, 0));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => recorder.CorrectionDraftAsync(Guid.NewGuid()));

        Assert.Equal((0, 0, 0, 0, 0, 0), await Kit.WrittenAsync());
        Assert.Empty(Queue.Drain());
    }

    [Fact]
    public async Task Customers_and_visitors_cannot_search_customers()
    {
        var search = Kit.As(await SomeoneAsync("customer")).Get<CustomerSearch>();
        var anonymous = Kit.As(await SomeoneAsync("visitor")).Get<CustomerSearch>();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => search.FindAsync("bob"));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => anonymous.FindAsync("bob"));
    }
}

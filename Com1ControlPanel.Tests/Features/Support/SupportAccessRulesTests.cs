using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Infrastructure.Security;

namespace Com1ControlPanel.Tests.Features.Support;

public sealed class SupportAccessRulesTests
{
    private static readonly SupportTarget Alice = new("alice", IsStaff: false, IsLockedOut: false, AccountStatus.Active, RequiresApproval: false);

    private static SupportRefusal? Refusal(System.Security.Claims.ClaimsPrincipal agent, SupportTarget? target, bool requireTwoFactor = true) =>
        SupportAccessRules.RefusalFor(agent, target, requireTwoFactor);

    [Fact]
    public void An_agent_signed_in_with_a_second_factor_may_act_in_an_active_customer_account() =>
        Assert.Null(Refusal(Principals.Agent(), Alice));

    [Fact]
    public void Staff_accounts_are_refused() =>
        Assert.Equal(SupportRefusal.TargetIsStaff, Refusal(Principals.Agent(), Alice with { IsStaff = true }));

    [Fact]
    public void The_agents_own_account_is_refused() =>
        Assert.Equal(SupportRefusal.OwnAccount, Refusal(Principals.Agent(id: "alice"), Alice));

    [Theory]
    [InlineData(AccountStatus.Suspended, false)]
    [InlineData(AccountStatus.Active, true)]
    public void Locked_and_suspended_accounts_are_refused(AccountStatus status, bool lockedOut) =>
        Assert.Equal(SupportRefusal.AccountLockedOrClosed,
            Refusal(Principals.Agent(), Alice with { Status = status, IsLockedOut = lockedOut }));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Closed_accounts_are_refused_as_closed(bool lockedOut) =>
        Assert.Equal(SupportRefusal.AccountClosed,
            Refusal(Principals.Agent(), Alice with { Status = AccountStatus.Closed, IsLockedOut = lockedOut }));

    [Fact]
    public void Starting_from_inside_another_session_is_refused() =>
        Assert.Equal(SupportRefusal.AlreadyInSession, Refusal(Principals.InSession("bob", Guid.NewGuid()), Alice));

    [Fact]
    public void An_agent_without_a_second_factor_is_refused_unless_the_setting_is_off()
    {
        var agent = Principals.Agent(secondFactor: false);
        Assert.Equal(SupportRefusal.TwoFactorRequired, Refusal(agent, Alice, requireTwoFactor: true));
        Assert.Null(Refusal(agent, Alice, requireTwoFactor: false));
    }

    [Theory]
    [InlineData(Roles.Customer)]
    [InlineData(Roles.Billing)]
    [InlineData(Roles.ComplianceOfficer)]
    [InlineData(Roles.Admin)]
    public void Only_support_agents_may_act_in_an_account(string role) =>
        Assert.Equal(SupportRefusal.NotAnAgent, Refusal(Principals.Of("someone", "Someone", role), Alice));

    [Fact]
    public void Visitors_are_refused() =>
        Assert.Equal(SupportRefusal.NotAnAgent, Refusal(new System.Security.Claims.ClaimsPrincipal(), Alice));

    [Fact]
    public void An_unknown_account_is_an_invalid_request() =>
        Assert.Equal(SupportRefusal.InvalidRequest, Refusal(Principals.Agent(), null));

    [Fact]
    public void Every_refusal_tells_the_agent_its_own_reason() =>
        Assert.Equal(Enum.GetValues<SupportRefusal>().Length, Enum.GetValues<SupportRefusal>().Select(r => r.Describe()).Distinct().Count());
}

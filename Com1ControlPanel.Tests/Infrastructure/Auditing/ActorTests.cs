using Com1ControlPanel.Infrastructure.Auditing;

namespace Com1ControlPanel.Tests.Infrastructure.Auditing;

public sealed class ActorTests
{
    private const string CustomerId = "customer-1";

    [Fact]
    public void The_customer_reads_their_own_change_as_you() =>
        Assert.Equal("You", new Actor(CustomerId, "Alice Morgan", ChangeSource.Customer).DescribeForCustomer(CustomerId));

    [Fact]
    public void Support_acting_in_the_account_is_named_as_support_on_behalf()
    {
        var description = new Actor("agent-1", "Dana Reyes", ChangeSource.SupportOnBehalf).DescribeForCustomer(CustomerId);
        Assert.Equal("Com 1 support (Dana Reyes) on your behalf", description);
    }

    [Fact]
    public void Billing_staff_are_named_as_billing_on_behalf()
    {
        var description = new Actor("billing-1", "Sam Patel", ChangeSource.BillingOnBehalf).DescribeForCustomer(CustomerId);
        Assert.Equal("Com 1 billing (Sam Patel) on your behalf", description);
    }

    [Fact]
    public void The_system_is_named_as_the_control_panel() =>
        Assert.Equal("Com 1 Control Panel", Actor.System.DescribeForCustomer(CustomerId));

    [Fact]
    public void A_customer_change_by_someone_else_is_never_shown_as_you() =>
        Assert.NotEqual("You", new Actor("someone-else", "Mallory", ChangeSource.Customer).DescribeForCustomer(CustomerId));
}

using Com1ControlPanel.Features.Billing;

namespace Com1ControlPanel.Tests.Features.Billing;

/// <summary>When a card is marked as expiring or expired, and when its reminder is due.</summary>
public sealed class CardExpiryTests
{
    private static DateTime At(int year, int month, int day) => new(year, month, day, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(2026, 11, 28, CardState.Valid)]
    [InlineData(2026, 12, 1, CardState.ExpiresSoon)]
    [InlineData(2027, 1, 31, CardState.ExpiresSoon)]
    [InlineData(2027, 2, 1, CardState.Expired)]
    public void A_card_for_01_2027_works_to_the_end_of_January_and_is_marked_from_December(int year, int month, int day, CardState state)
    {
        Assert.Equal(state, new CardExpiry(1, 2027).StateAt(At(year, month, day)));
    }

    [Fact]
    public void The_reminder_is_due_30_days_before_the_card_stops_working()
    {
        var expiry = new CardExpiry(1, 2027);

        Assert.False(expiry.ReminderDueAt(new DateTime(2027, 1, 1, 23, 59, 59, DateTimeKind.Utc)));
        Assert.True(expiry.ReminderDueAt(new DateTime(2027, 1, 2, 0, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void The_expiry_reads_as_printed_on_the_card()
    {
        Assert.Equal("01/2027", new CardExpiry(1, 2027).ToString());
    }
}

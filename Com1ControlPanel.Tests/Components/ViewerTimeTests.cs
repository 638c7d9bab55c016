using Com1ControlPanel.Components;

namespace Com1ControlPanel.Tests.Components;

/// <summary>A stored UTC time as a person reads it on a page: in their zone, on their day, with the zone named.</summary>
public sealed class ViewerTimeTests
{
    private static readonly DateTime LateOn30November = new(2026, 11, 30, 23, 30, 0, DateTimeKind.Utc);
    private static readonly DateTime EarlyOn1December = new(2026, 12, 1, 1, 30, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("Europe/Berlin", "1 Dec 2026, 00:30 UTC+1")]
    [InlineData("Asia/Kolkata", "1 Dec 2026, 05:00 UTC+5:30")]
    [InlineData("Asia/Kathmandu", "1 Dec 2026, 05:15 UTC+5:45")]
    [InlineData("UTC", "30 Nov 2026, 23:30 UTC")]
    public void A_time_near_midnight_UTC_shows_the_viewers_day_and_names_the_zone(string zone, string expected) =>
        Assert.Equal(expected, ViewerTime.For(zone).Format(LateOn30November));

    [Fact]
    public void West_of_Greenwich_an_early_UTC_time_is_still_the_evening_before() =>
        Assert.Equal("30 Nov 2026, 20:30 UTC-5", ViewerTime.For("America/New_York").Format(EarlyOn1December));

    [Fact]
    public void Summer_time_shows_the_offset_in_force_on_that_day() =>
        Assert.Equal("1 Jul 2026, 14:05 UTC+2", ViewerTime.For("Europe/Berlin").Format(new DateTime(2026, 7, 1, 12, 5, 0, DateTimeKind.Utc)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("../../etc/passwd")]
    public void A_missing_or_unknown_zone_shows_UTC_and_says_so(string? zone) =>
        Assert.Equal("30 Nov 2026, 23:30 UTC", ViewerTime.For(zone).Format(LateOn30November));
}

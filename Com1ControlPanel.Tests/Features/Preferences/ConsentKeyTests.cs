using Com1ControlPanel.Features.Preferences;

namespace Com1ControlPanel.Tests.Features.Preferences;

public sealed class ConsentKeyTests
{
    [Theory]
    [InlineData("PartnerOffers", "Email")]
    [InlineData("comproducts", "postalmail")]
    [InlineData("PartnerSharing", null)]
    [InlineData("UsageStatistics", "")]
    public void Names_of_real_switches_are_understood(string purpose, string? channel) =>
        Assert.NotNull(ConsentKey.Parse(purpose, channel));

    [Theory]
    [InlineData("Spam", "Email")]
    [InlineData("PartnerOffers", "Fax")]
    [InlineData("1", "1")]
    [InlineData("PartnerOffers", "9")]
    [InlineData("PartnerSharing", "Email")]
    [InlineData("ComProducts", null)]
    [InlineData(null, null)]
    public void Unknown_values_and_impossible_combinations_are_refused(string? purpose, string? channel) =>
        Assert.Null(ConsentKey.Parse(purpose, channel));

    [Fact]
    public void Stopping_all_solicitations_leaves_usage_statistics_alone()
    {
        Assert.DoesNotContain(ConsentKey.Solicitations, k => k.Purpose == MarketingPurpose.UsageStatistics);
        Assert.Contains(new ConsentKey(MarketingPurpose.PartnerSharing, ContactChannel.None), ConsentKey.Solicitations);
        Assert.Equal(7, ConsentKey.Solicitations.Count);
    }
}

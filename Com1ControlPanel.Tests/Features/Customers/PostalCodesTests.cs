using Com1ControlPanel.Features.Customers;

namespace Com1ControlPanel.Tests.Features.Customers;

public sealed class PostalCodesTests
{
    [Theory]
    [InlineData("94102", "US")]
    [InlineData("94102-1234", "US")]
    [InlineData("SW1A 1AA", "GB")]
    [InlineData("sw1a 1aa", "GB")]
    [InlineData("10115", "DE")]
    [InlineData("K1A 0B1", "CA")]
    public void A_real_postal_code_is_accepted(string code, string country) =>
        Assert.True(PostalCodes.IsValid(code, country));

    [Theory]
    [InlineData("ABCDE", "US")]
    [InlineData("9410", "US")]
    [InlineData("1011", "DE")]
    [InlineData("101155", "DE")]
    [InlineData("1O115", "DE")]
    [InlineData("94102", "GB")]
    public void A_code_in_the_wrong_format_for_the_country_is_rejected(string code, string country) =>
        Assert.False(PostalCodes.IsValid(code, country));

    [Theory]
    [InlineData("HK")]
    [InlineData("AE")]
    public void Countries_without_postal_codes_do_not_require_one(string country) =>
        Assert.False(PostalCodes.IsRequiredIn(country));

    [Theory]
    [InlineData("US")]
    [InlineData("DE")]
    [InlineData(null)]
    public void Countries_with_postal_codes_require_one(string? country) =>
        Assert.True(PostalCodes.IsRequiredIn(country));

    [Fact]
    public void A_code_is_stored_in_upper_case_with_single_spaces() =>
        Assert.Equal("SW1A 1AA", PostalCodes.Normalize("  sw1a   1aa "));
}

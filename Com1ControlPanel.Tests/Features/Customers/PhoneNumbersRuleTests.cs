using Com1ControlPanel.Features.Customers;

namespace Com1ControlPanel.Tests.Features.Customers;

public sealed class PhoneNumbersRuleTests
{
    [Theory]
    [InlineData("(415) 555-0142", "US", "+14155550142")]
    [InlineData("415.555.0142", "us", "+14155550142")]
    [InlineData("030 901820", "DE", "+4930901820")]
    [InlineData("+49 30 901820", "US", "+4930901820")]
    public void A_valid_number_is_kept_in_E164(string input, string country, string expected) =>
        Assert.Equal(expected, PhoneNumbersRule.ToE164(input, country));

    [Theory]
    [InlineData("call me maybe")]
    [InlineData("12")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Garbage_is_rejected(string? input) =>
        Assert.Null(PhoneNumbersRule.ToE164(input, "US"));

    [Fact]
    public void Input_longer_than_thirty_characters_is_rejected_even_if_it_holds_a_number() =>
        Assert.Null(PhoneNumbersRule.ToE164("+1 415 555 0142                  ", "US"));

    [Fact]
    public void A_national_number_needs_the_country_it_belongs_to()
    {
        Assert.Null(PhoneNumbersRule.ToE164("030 901820", "US"));
        Assert.Null(PhoneNumbersRule.ToE164("030 901820", null));
    }

    [Fact]
    public void A_stored_number_is_shown_the_way_people_write_it() =>
        Assert.Equal("+1 415-555-0142", PhoneNumbersRule.Display("+14155550142"));
}

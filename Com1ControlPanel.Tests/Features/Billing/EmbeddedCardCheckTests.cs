using Com1ControlPanel.Features.Billing;
using Com1ControlPanel.Features.Billing.Gateway.Embedded;

namespace Com1ControlPanel.Tests.Features.Billing;

/// <summary>The embedded gateway's checks: what a customer typing a card is told, at which field.</summary>
public sealed class EmbeddedCardCheckTests
{
    private static readonly DateTime Now = new(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc);

    private static EmbeddedCardCheck.Outcome Check(string number = "4242 4242 4242 4242", string name = "Alice Morgan",
        string expiry = "08/29", string code = "123") => EmbeddedCardCheck.Check(new CardSubmission(number, name, expiry, code), Now);

    private static string ErrorAt(EmbeddedCardCheck.Outcome outcome, string field) =>
        Assert.IsType<EmbeddedCardCheck.Outcome.Invalid>(outcome).Errors[field];

    [Theory]
    [InlineData("4242 4242 4242 4242", "Visa", "4242")]
    [InlineData("4242424242424242", "Visa", "4242")]
    [InlineData("5555-5555-5555-4444", "Mastercard", "4444")]
    public void A_known_test_card_is_accepted_with_its_brand_and_last_four_only(string number, string brand, string last4)
    {
        var accepted = Assert.IsType<EmbeddedCardCheck.Outcome.Accepted>(Check(number));

        Assert.Equal(brand, accepted.Brand);
        Assert.Equal(last4, accepted.Last4);
        Assert.Equal(new CardExpiry(8, 2029), accepted.Expiry);
        Assert.Equal("Alice Morgan", accepted.HolderName);
    }

    [Fact]
    public void The_declined_test_card_is_declined_at_the_number()
    {
        Assert.Equal(EmbeddedCardCheck.DeclinedMessage, ErrorAt(Check("4000 0000 0000 0002"), EmbeddedCardCheck.NumberField));
    }

    [Theory]
    [InlineData("4242 4242 4242 4241")]
    [InlineData("4242 4242 42")]
    [InlineData("4242 4242 abcd 4242")]
    public void A_number_with_a_wrong_check_digit_or_letters_is_not_valid(string number)
    {
        Assert.Contains("not valid", ErrorAt(Check(number), EmbeddedCardCheck.NumberField));
    }

    [Fact]
    public void A_valid_number_that_is_not_a_test_card_is_refused_by_the_test_gateway()
    {
        Assert.True(EmbeddedCardCheck.PassesLuhn("4111111111111111"));
        Assert.Contains("only test cards", ErrorAt(Check("4111 1111 1111 1111"), EmbeddedCardCheck.NumberField));
    }

    [Theory]
    [InlineData("10/26")]
    [InlineData("01/2020")]
    public void An_expiry_in_the_past_is_refused(string expiry)
    {
        Assert.Equal("This card has expired. Use a card that is still valid.", ErrorAt(Check(expiry: expiry), EmbeddedCardCheck.ExpiryField));
    }

    [Fact]
    public void A_card_that_runs_to_the_end_of_this_month_is_still_taken()
    {
        Assert.IsType<EmbeddedCardCheck.Outcome.Accepted>(Check(expiry: "11/26"));
    }

    [Theory]
    [InlineData("13/29")]
    [InlineData("0829")]
    [InlineData("")]
    public void An_expiry_that_is_not_a_month_and_year_is_explained(string expiry)
    {
        Assert.Contains("MM/YY", ErrorAt(Check(expiry: expiry), EmbeddedCardCheck.ExpiryField));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12")]
    [InlineData("12345")]
    [InlineData("12a")]
    [InlineData("1234")]
    public void A_visa_needs_a_three_digit_security_code(string code)
    {
        Assert.Contains("security code", ErrorAt(Check(code: code), EmbeddedCardCheck.CodeField));
    }

    [Fact]
    public void Every_wrong_field_gets_its_own_message_at_once()
    {
        var errors = Assert.IsType<EmbeddedCardCheck.Outcome.Invalid>(Check("1234", " ", "99/99", "")).Errors;

        Assert.Equal(
            [EmbeddedCardCheck.CodeField, EmbeddedCardCheck.ExpiryField, EmbeddedCardCheck.NameField, EmbeddedCardCheck.NumberField],
            errors.Keys.Order());
    }
}

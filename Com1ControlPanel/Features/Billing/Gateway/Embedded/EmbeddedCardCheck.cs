using System.Text.RegularExpressions;

namespace Com1ControlPanel.Features.Billing.Gateway.Embedded;

/// <summary>What the customer typed into the embedded gateway's form, exactly as posted. It never leaves the gateway.</summary>
public sealed record CardSubmission(string? Number, string? HolderName, string? Expiry, string? SecurityCode);

/// <summary>
/// The embedded test gateway's checks, as a real gateway makes them: the number (Luhn, a known test card), the expiry
/// (not in the past), the security code (3 digits, 4 for American Express) and the name. Messages are for the field.
/// </summary>
public static partial class EmbeddedCardCheck
{
    public const string NumberField = "number";
    public const string NameField = "name";
    public const string ExpiryField = "expiry";
    public const string CodeField = "code";

    /// <summary>The test cards this gateway knows, as Stripe's test mode names them.</summary>
    private static readonly Dictionary<string, (string Brand, bool Declined)> TestCards = new()
    {
        ["4242424242424242"] = ("Visa", false),
        ["5555555555554444"] = ("Mastercard", false),
        ["378282246310005"] = ("American Express", false),
        ["4000000000000002"] = ("Visa", true),
    };

    public const string DeclinedMessage = "Your bank declined this card. Nothing was saved: try another card.";

    public abstract record Outcome
    {
        public sealed record Accepted(string Brand, string Last4, CardExpiry Expiry, string HolderName) : Outcome;
        public sealed record Invalid(IReadOnlyDictionary<string, string> Errors) : Outcome;
    }

    public static Outcome Check(CardSubmission card, DateTime now)
    {
        var errors = new Dictionary<string, string>();
        var digits = Digits(card.Number);
        var brand = CheckNumber(digits, errors);
        var expiry = CheckExpiry(card.Expiry, now, errors);
        CheckCode(card.SecurityCode, brand, errors);
        var name = (card.HolderName ?? "").Trim();
        if (name.Length == 0)
        {
            errors[NameField] = "Enter the name as it is printed on the card.";
        }
        else if (name.Length > 100)
        {
            errors[NameField] = "Keep the name to 100 characters or fewer.";
        }
        if (errors.Count == 0 && TestCards[digits].Declined)
        {
            errors[NumberField] = DeclinedMessage;
        }
        return errors.Count > 0
            ? new Outcome.Invalid(errors)
            : new Outcome.Accepted(brand!, digits[^4..], expiry!.Value, name);
    }

    /// <summary>True for a number whose check digit is right (ISO/IEC 7812, the Luhn formula).</summary>
    public static bool PassesLuhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return digits.Length > 0 && sum % 10 == 0;
    }

    private static string? CheckNumber(string digits, Dictionary<string, string> errors)
    {
        if (digits.Length == 0)
        {
            errors[NumberField] = "Enter the card number.";
        }
        else if (digits.Length is < 12 or > 19 || !PassesLuhn(digits))
        {
            errors[NumberField] = "This card number is not valid. Check the digits on the front of the card.";
        }
        else if (!TestCards.TryGetValue(digits, out var known))
        {
            errors[NumberField] = "This test gateway takes only test cards, such as 4242 4242 4242 4242.";
        }
        else
        {
            return known.Brand;
        }
        return null;
    }

    private static CardExpiry? CheckExpiry(string? text, DateTime now, Dictionary<string, string> errors)
    {
        var match = ExpiryPattern().Match(text ?? "");
        if (!match.Success)
        {
            errors[ExpiryField] = "Enter the expiry date as MM/YY, for example 08/29.";
            return null;
        }
        var month = int.Parse(match.Groups["month"].Value);
        var year = int.Parse(match.Groups["year"].Value);
        var expiry = new CardExpiry(month, year < 100 ? 2000 + year : year);
        if (!expiry.IsValid)
        {
            errors[ExpiryField] = "Enter the expiry date as MM/YY, for example 08/29.";
            return null;
        }
        if (expiry.StateAt(now) == CardState.Expired)
        {
            errors[ExpiryField] = "This card has expired. Use a card that is still valid.";
            return null;
        }
        return expiry;
    }

    private static void CheckCode(string? code, string? brand, Dictionary<string, string> errors)
    {
        var trimmed = (code ?? "").Trim();
        var length = brand == "American Express" ? 4 : 3;
        if (trimmed.Length == 0)
        {
            errors[CodeField] = "Enter the security code.";
        }
        else if (!trimmed.All(char.IsAsciiDigit) || (brand is null ? trimmed.Length is < 3 or > 4 : trimmed.Length != length))
        {
            errors[CodeField] = brand == "American Express"
                ? "Enter the 4-digit security code from the front of the card."
                : "Enter the 3-digit security code from the back of the card.";
        }
    }

    /// <summary>The number's digits without the spaces or dashes people type; anything else makes it invalid ("x").</summary>
    private static string Digits(string? number)
    {
        var digits = new string([.. (number ?? "").Where(c => c is not (' ' or '-'))]);
        return digits.All(char.IsAsciiDigit) ? digits : "x";
    }

    [GeneratedRegex(@"^\s*(?<month>\d{1,2})\s*/\s*(?<year>\d{2}|\d{4})\s*$")]
    private static partial Regex ExpiryPattern();
}

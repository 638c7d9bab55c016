using System.Text.RegularExpressions;

namespace Com1ControlPanel.Features.Customers;

/// <summary>Postal code formats of the countries Com 1 serves most; a loose check for the rest.</summary>
public static partial class PostalCodes
{
    private static readonly Dictionary<string, Regex> Formats = new(StringComparer.OrdinalIgnoreCase)
    {
        ["US"] = new(@"^\d{5}(-\d{4})?$"),
        ["CA"] = new(@"^[A-Z]\d[A-Z] ?\d[A-Z]\d$"),
        ["GB"] = new(@"^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$"),
        ["IE"] = new(@"^[A-Z]\d[\dW] ?[A-Z\d]{4}$"),
        ["NL"] = new(@"^\d{4} ?[A-Z]{2}$"),
        ["PL"] = new(@"^\d{2}-\d{3}$"),
        ["PT"] = new(@"^\d{4}-\d{3}$"),
        ["BR"] = new(@"^\d{5}-?\d{3}$"),
        ["JP"] = new(@"^\d{3}-?\d{4}$"),
        ["SE"] = new(@"^\d{3} ?\d{2}$"),
        ["CZ"] = new(@"^\d{3} ?\d{2}$"),
        ["SK"] = new(@"^\d{3} ?\d{2}$"),
    };

    private static readonly HashSet<string> FiveDigits = new(StringComparer.OrdinalIgnoreCase)
        { "DE", "FR", "IT", "ES", "FI", "MX", "GR", "HR", "EE", "LT", "MY", "TH", "TR", "UA", "ID", "KR", "SA", "PK", "EG" };

    private static readonly HashSet<string> FourDigits = new(StringComparer.OrdinalIgnoreCase)
        { "AU", "AT", "BE", "CH", "DK", "NO", "HU", "NZ", "ZA", "PH", "LU", "SI", "BG", "CY", "LI", "AR", "TN", "BD" };

    private static readonly HashSet<string> SixDigits = new(StringComparer.OrdinalIgnoreCase)
        { "IN", "CN", "RU", "SG", "KZ", "BY", "RO", "VN", "NG", "CO", "EC" };

    /// <summary>Countries that do not use postal codes: the field may stay empty there.</summary>
    private static readonly HashSet<string> NoPostalCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "AE", "AG", "AO", "AW", "BF", "BI", "BJ", "BO", "BS", "BW", "BZ", "CD", "CF", "CG", "CI", "CK", "CM", "DJ",
        "DM", "ER", "FJ", "GA", "GD", "GH", "GM", "GQ", "GY", "HK", "KI", "KM", "KN", "KP", "LC", "ML", "MO", "MR",
        "MW", "NR", "NU", "QA", "RW", "SB", "SC", "SL", "SR", "ST", "SY", "TD", "TG", "TK", "TL", "TO", "TV", "UG",
        "VU", "YE", "ZW",
    };

    public static bool IsRequiredIn(string? countryCode) => countryCode is null || !NoPostalCodes.Contains(countryCode);

    /// <summary>Upper case, single spaces, trimmed: the form the code is stored in.</summary>
    public static string Normalize(string postalCode) => Spaces().Replace(postalCode.Trim().ToUpperInvariant(), " ");

    public static bool IsValid(string postalCode, string? countryCode)
    {
        var code = Normalize(postalCode);
        if (countryCode is null)
        {
            return Loose().IsMatch(code);
        }
        if (Formats.TryGetValue(countryCode, out var format))
        {
            return format.IsMatch(code);
        }
        if (FiveDigits.Contains(countryCode))
        {
            return Digits(code, 5);
        }
        if (FourDigits.Contains(countryCode))
        {
            return Digits(code, 4);
        }
        return SixDigits.Contains(countryCode) ? Digits(code, 6) : Loose().IsMatch(code);
    }

    private static bool Digits(string code, int count) => code.Length == count && code.All(char.IsAsciiDigit);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^[A-Z0-9][A-Z0-9 \-]{1,11}$")]
    private static partial Regex Loose();
}

using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Com1ControlPanel.Features.Domains;

/// <summary>
/// A domain name in both of its forms: <see cref="Ascii"/> as the registry and DNS keep it (lower case, internationalised
/// labels in punycode, "xn--caf-morgan-…") and <see cref="Unicode"/> as people write it ("café-morgan.example").
/// The panel stores only the ASCII form; the Unicode form is always computed from it.
/// </summary>
public sealed record DomainName(string Ascii, string Unicode)
{
    /// <summary>The longest name DNS carries (RFC 1035), without the root's trailing dot.</summary>
    public const int MaxLength = 253;
    public const int MaxLabelLength = 63;

    // Longer input is refused before any conversion is tried: nothing legitimate comes near it.
    private const int MaxInput = 1024;

    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true, AllowUnassigned = false };

    public bool IsInternationalised => !string.Equals(Ascii, Unicode, StringComparison.Ordinal);

    /// <summary>A name as stored (already ASCII, lower case).</summary>
    public static DomainName FromAscii(string ascii) => new(ascii, ToUnicode(ascii));

    /// <summary>
    /// Reads a name typed or requested in either form, in any letter case, with or without the root's trailing dot.
    /// Never throws: a name that is not a valid host name (empty labels, labels over 63 characters, characters outside
    /// letters, digits and hyphens, punycode that does not decode) comes back with the reason in plain words.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out DomainName? name, [NotNullWhen(false)] out string? problem)
    {
        name = null;
        problem = Check(text, out var ascii);
        if (problem is not null)
        {
            return false;
        }
        name = new DomainName(ascii!, ToUnicode(ascii!));
        return true;
    }

    private static string? Check(string? text, out string? ascii)
    {
        ascii = null;
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return "Enter a domain name.";
        }
        if (trimmed.Length > MaxInput)
        {
            return $"A domain name has at most {MaxLength} characters.";
        }
        if (trimmed.EndsWith('.'))
        {
            // "example.com." names the same domain from the DNS root; a second dot would leave an empty label.
            trimmed = trimmed[..^1];
        }
        if (trimmed.Split('.').Any(label => label.Length == 0))
        {
            return "A domain name cannot have an empty part: no dot at the start, and never two dots in a row.";
        }
        string converted;
        try
        {
            converted = Idn.GetAscii(trimmed).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return "A domain name has parts of letters, digits and hyphens, each at most 63 characters, not starting or ending with a hyphen.";
        }
        if (converted.Length > MaxLength)
        {
            return $"A domain name has at most {MaxLength} characters.";
        }
        foreach (var label in converted.Split('.'))
        {
            if (LabelProblem(label) is { } labelProblem)
            {
                return labelProblem;
            }
        }
        ascii = converted;
        return null;
    }

    private static string? LabelProblem(string label)
    {
        if (label.Length == 0 || label.Length > MaxLabelLength)
        {
            return $"Each part of a domain name has 1 to {MaxLabelLength} characters.";
        }
        if (!label.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') || label[0] == '-' || label[^1] == '-')
        {
            return "A domain name has parts of letters, digits and hyphens, not starting or ending with a hyphen.";
        }
        if (label.Length >= 4 && label[2] == '-' && label[3] == '-')
        {
            // Hyphens in the third and fourth place are reserved (RFC 5891); only "xn--" is in use, and it must decode.
            if (!label.StartsWith("xn--", StringComparison.Ordinal) || !IsCanonicalPunycode(label))
            {
                return "This internationalised domain name is not valid punycode.";
            }
        }
        return null;
    }

    // Decoding and encoding again must give the same label: anything else is not the canonical form of any name. Like
    // IDNA2008, a label holds letters, combining marks, digits and hyphens only: no symbols or emoji.
    private static bool IsCanonicalPunycode(string label)
    {
        try
        {
            var unicode = Idn.GetUnicode(label);
            return !string.Equals(unicode, label, StringComparison.Ordinal)
                && string.Equals(Idn.GetAscii(unicode), label, StringComparison.Ordinal)
                && unicode.EnumerateRunes().All(IsLabelCharacter);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool IsLabelCharacter(System.Text.Rune rune) =>
        rune.Value == '-' || System.Text.Rune.IsLetterOrDigit(rune)
        || System.Text.Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static string ToUnicode(string ascii)
    {
        try
        {
            return Idn.GetUnicode(ascii);
        }
        catch (ArgumentException)
        {
            // Only valid names are stored; should one not decode, its ASCII form is still the truth.
            return ascii;
        }
    }

    public override string ToString() => Ascii;
}

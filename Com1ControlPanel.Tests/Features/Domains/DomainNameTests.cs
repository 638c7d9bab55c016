using Com1ControlPanel.Features.Domains;

namespace Com1ControlPanel.Tests.Features.Domains;

/// <summary>Names in either form, any letter case, and everything that is not a domain name, told apart without an exception.</summary>
public sealed class DomainNameTests
{
    [Theory]
    [InlineData("morgandaughters.example", "morgandaughters.example", "morgandaughters.example")]
    [InlineData("MorganDaughters.EXAMPLE", "morgandaughters.example", "morgandaughters.example")]
    [InlineData("morgandaughters.example.", "morgandaughters.example", "morgandaughters.example")]
    [InlineData("café-morgan.example", "xn--caf-morgan-d7a.example", "café-morgan.example")]
    [InlineData("CAFÉ-MORGAN.example", "xn--caf-morgan-d7a.example", "café-morgan.example")]
    [InlineData("xn--caf-morgan-d7a.example", "xn--caf-morgan-d7a.example", "café-morgan.example")]
    [InlineData("bücher.example", "xn--bcher-kva.example", "bücher.example")]
    public void A_name_in_either_form_reads_as_its_ascii_and_unicode_forms(string typed, string ascii, string unicode)
    {
        Assert.True(DomainName.TryParse(typed, out var name, out var problem), problem);
        Assert.Equal((ascii, unicode), (name.Ascii, name.Unicode));
        Assert.Equal(ascii != unicode, name.IsInternationalised);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("a..example")]
    [InlineData(".example")]
    [InlineData("example..")]
    [InlineData("-morgan.example")]
    [InlineData("morgan-.example")]
    [InlineData("mor gan.example")]
    [InlineData("morgan_daughters.example")]
    [InlineData("morgan/daughters.example")]
    [InlineData("<script>.example")]
    [InlineData("xn--zz.example")]
    [InlineData("xn--.example")]
    [InlineData("ab--cd.example")]
    [InlineData("xn--MORGAN-.example")]
    [InlineData("💩💩.example")]
    [InlineData("morgan\0.example")]
    [InlineData("xn--ls8h.example")]
    public void What_is_not_a_domain_name_is_refused_with_a_reason(string typed)
    {
        Assert.False(DomainName.TryParse(typed, out var name, out var problem));
        Assert.Null(name);
        Assert.False(string.IsNullOrWhiteSpace(problem));
    }

    [Fact]
    public void Overlong_labels_and_names_are_refused()
    {
        Assert.True(DomainName.TryParse(new string('a', 63) + ".example", out _, out _));
        Assert.False(DomainName.TryParse(new string('a', 64) + ".example", out _, out _));
        Assert.False(DomainName.TryParse(string.Join('.', Enumerable.Repeat(new string('a', 60), 5)), out _, out _));
        Assert.False(DomainName.TryParse(new string('a', 100_000), out _, out var problem));
        Assert.Contains("253", problem);
    }
}

using System.ComponentModel.DataAnnotations;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Profile;

namespace Com1ControlPanel.Tests.Features.Profile;

public sealed class ProfileFormTests
{
    private static ProfileForm Valid() => new()
    {
        FullName = "Alice Morgan",
        Street = "1200 Market Street",
        City = "San Francisco",
        Region = "CA",
        PostalCode = "94102",
        CountryCode = "US",
        Phone = "(415) 555-0142",
    };

    private static List<ValidationResult> Validate(ProfileForm form)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(form, new ValidationContext(form), results, validateAllProperties: true);
        return results;
    }

    private static IEnumerable<string> MembersWithErrors(ProfileForm form) =>
        Validate(form).SelectMany(r => r.MemberNames).Distinct();

    [Fact]
    public void A_complete_profile_has_no_errors() => Assert.Empty(Validate(Valid()));

    [Fact]
    public void An_empty_name_is_an_error_on_the_name()
    {
        var form = Valid();
        form.FullName = "";
        Assert.Equal([nameof(ProfileForm.FullName)], MembersWithErrors(form));
    }

    [Fact]
    public void An_empty_city_is_an_error_on_the_city()
    {
        var form = Valid();
        form.City = null;
        Assert.Equal([nameof(ProfileForm.City)], MembersWithErrors(form));
    }

    [Fact]
    public void An_overlong_street_is_an_error_on_the_street()
    {
        var form = Valid();
        form.Street = new string('x', ContactLimits.Street + 1);
        Assert.Equal([nameof(ProfileForm.Street)], MembersWithErrors(form));
    }

    [Fact]
    public void An_overlong_postal_code_gets_one_error_on_the_postal_code()
    {
        var form = Valid();
        form.PostalCode = new string('1', ContactLimits.PostalCode + 1);
        Assert.Single(Validate(form), r => r.MemberNames.Contains(nameof(ProfileForm.PostalCode)));
    }

    [Fact]
    public void An_invalid_phone_is_an_error_on_the_phone()
    {
        var form = Valid();
        form.Phone = "030 901820";
        Assert.Equal([nameof(ProfileForm.Phone)], MembersWithErrors(form));
    }

    [Fact]
    public void An_invalid_mobile_phone_is_an_error_on_the_mobile_phone()
    {
        var form = Valid();
        form.MobilePhone = "12";
        Assert.Equal([nameof(ProfileForm.MobilePhone)], MembersWithErrors(form));
    }

    [Fact]
    public void A_postal_code_of_the_wrong_country_is_an_error_on_the_postal_code()
    {
        var form = Valid();
        form.PostalCode = "ABCDE";
        Assert.Equal([nameof(ProfileForm.PostalCode)], MembersWithErrors(form));
    }

    [Fact]
    public void A_missing_postal_code_is_an_error_where_the_country_uses_them()
    {
        var form = Valid();
        form.PostalCode = "";
        Assert.Equal([nameof(ProfileForm.PostalCode)], MembersWithErrors(form));
    }

    [Fact]
    public void A_missing_postal_code_is_fine_where_the_country_has_none()
    {
        var form = Valid();
        form.CountryCode = "HK";
        form.PostalCode = "";
        form.Phone = "+852 2123 4567";
        Assert.Empty(Validate(form));
    }

    [Fact]
    public void A_country_not_on_the_list_is_an_error_on_the_country()
    {
        var form = Valid();
        form.CountryCode = "XX";
        form.Phone = "+1 415 555 0142";
        Assert.Contains(nameof(ProfileForm.CountryCode), MembersWithErrors(form));
    }
}

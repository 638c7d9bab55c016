using Bunit;
using Com1ControlPanel.Features.Profile;

namespace Com1ControlPanel.Tests.Features.Profile;

public sealed class ContactDetailsFormTests() : ComponentTest(interactive: false)
{
    protected override async Task ArrangeAsync() => SignIn((await Kit.Customers.NewAsync("Alice Test", id: "alice")).Principal);

    private async Task<IRenderedComponent<ContactDetailsForm>> RenderFormAsync()
    {
        var form = (await Services.GetRequiredService<ProfileService>().GetAsync()).Form;
        var host = RenderPage<ContactDetailsForm>(new Dictionary<string, object?> { [nameof(ContactDetailsForm.Form)] = form });
        return host.FindComponent<ContactDetailsForm>();
    }

    private static string FieldText(IRenderedComponent<ContactDetailsForm> form, string inputId) =>
        form.Find($"#{inputId}").Closest(".mud-input-control")!.TextContent;

    [Fact]
    public async Task Typing_an_invalid_phone_shows_the_message_at_the_phone_field_before_any_save()
    {
        var form = await RenderFormAsync();

        form.Find("#profile-phone").Input("12345");

        form.WaitForAssertion(() => Assert.Contains("not a valid phone number", FieldText(form, "profile-phone")));
        Assert.DoesNotContain("not a valid", FieldText(form, "profile-mobile"));
    }

    [Fact]
    public async Task Fields_the_customer_has_not_touched_show_no_errors_yet()
    {
        var form = await RenderFormAsync();

        form.Find("#profile-city").Input("");

        form.WaitForAssertion(() => Assert.Contains("Enter the city", FieldText(form, "profile-city")));
        Assert.DoesNotContain("Enter", FieldText(form, "profile-street"));
    }

    [Fact]
    public async Task Submitting_with_an_empty_full_name_shows_the_error_and_keeps_the_saved_name()
    {
        var form = await RenderFormAsync();

        form.Find("#profile-fullname").Input("");
        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Contains("Enter your full name", FieldText(form, "profile-fullname")));
        await using var db = Kit.CreateDbContext();
        Assert.Equal("Alice Test", (await db.Customers.SingleAsync()).FullName);
    }
}

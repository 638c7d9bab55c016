using Bunit;
using Bunit.Rendering;
using Com1ControlPanel.Features.Support.Help;

namespace Com1ControlPanel.Tests.Features.Support.Help;

/// <summary>The "Ask for help" form as the customer uses it: errors at the fields, required fields marked, nothing sent.</summary>
public sealed class HelpRequestEditorTests() : ComponentTest(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero))
{
    private TestCustomer customer = null!;

    protected override async Task ArrangeAsync()
    {
        customer = await Kit.Customers.NewAsync("Hana Help");
        SignIn(customer.Principal);
    }

    private IRenderedComponent<ContainerFragment> RenderForm() => RenderPage<HelpRequestEditor>(new Dictionary<string, object?>());

    [Fact]
    public async Task Sending_an_empty_form_shows_each_missing_field_at_the_field_and_saves_nothing()
    {
        var page = RenderForm();

        await page.WaitForElement("#help-form").SubmitAsync();

        var text = page.Find("#help-form").TextContent;
        Assert.Contains("Enter a subject: a few words about what you need help with.", text);
        Assert.Contains("Describe what you need help with, so support can start on it.", text);
        Assert.Equal("true", page.Find("#help-subject").GetAttribute("aria-required"));
        Assert.Equal("true", page.Find("#help-description").GetAttribute("aria-required"));
        Assert.Equal("true", page.Find("#help-subject").GetAttribute("aria-invalid"));
        await using var db = Kit.CreateDbContext();
        Assert.Empty(await db.HelpRequests.ToListAsync());
    }

    [Fact]
    public async Task A_subject_over_the_limit_is_named_at_the_field_as_it_is_typed()
    {
        var page = RenderForm();

        await page.WaitForElement("#help-subject").InputAsync(new() { Value = new string('x', HelpRequestForm.MaxSubject + 1) });

        page.WaitForAssertion(() => Assert.Contains("Keep the subject to 120 characters or fewer.", page.Find("#help-form").TextContent));
    }
}

using Com1ControlPanel.Infrastructure.Security;
using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.EndToEnd;

/// <summary>
/// Required fields are marked the same way in every form: an asterisk after the label that people see, and
/// aria-required on the input that screen readers announce; optional fields carry neither. A form sent with mistakes
/// puts the focus on the first field to correct (WCAG 3.3.1, 3.3.2).
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class RequiredFieldAccessibilityTests(BrowserApp app, DebianChromium chromium)
{
    // The label's text as people see it, with what CSS adds after it.
    private const string ShownLabelScript = """
        el => {
            const label = el.labels?.[0] ?? document.querySelector(`label[for="${el.id}"]`);
            if (!label) return '';
            const after = getComputedStyle(label, '::after').content;
            return label.textContent.trim() + (after && after !== 'none' && after !== 'normal' ? after.replaceAll('"', '') : '');
        }
        """;

    private static async Task AssertMarkedAsync(IPage page, string id, bool required)
    {
        var input = page.Locator($"[id='{id}']");
        await Assertions.Expect(input).ToHaveAttributeAsync("aria-required", required ? "true" : "false");
        var label = await input.EvaluateAsync<string>(ShownLabelScript);
        Assert.True(label.TrimEnd().EndsWith('*') == required, $"#{id}'s label \"{label}\" {(required ? "has no" : "has a")} required mark");
    }

    [Fact]
    public async Task Registering_marks_every_field_required()
    {
        var page = await chromium.NewPageAsync(app.BaseAddress, "light");
        await page.GotoAsync("/Account/Register");

        foreach (var id in new[] { "register-name", "register-email", "register-country", "register-password", "register-confirm" })
        {
            await AssertMarkedAsync(page, id, required: true);
        }
        await page.ScreenshotForReviewAsync("required-register");
    }

    [Fact]
    public async Task Account_data_marks_required_fields_and_leaves_optional_ones_unmarked()
    {
        var page = await chromium.NewPageAsync(app.BaseAddress, "dark");
        await page.SignInAsync((await app.Customers.NewAsync("Ria Required")).Email);
        await page.GotoAsync("/profile");
        await page.WaitForInteractiveAsync();

        foreach (var id in new[] { "profile-fullname", "profile-street", "profile-city", "profile-postalcode", "profile-country", "profile-phone" })
        {
            await AssertMarkedAsync(page, id, required: true);
        }
        foreach (var id in new[] { "profile-company", "profile-region", "profile-mobile" })
        {
            await AssertMarkedAsync(page, id, required: false);
        }
        await page.ScreenshotForReviewAsync("required-profile");
    }

    [Fact]
    public async Task A_disclosure_sent_with_mistakes_puts_the_focus_on_the_first_field_to_correct()
    {
        var officer = await app.Staff.NewAsync(Roles.ComplianceOfficer);
        var page = await chromium.NewPageAsync(app.BaseAddress, "light");
        await page.SignInAsync(officer.Email);
        await page.GotoAsync("/compliance/disclosures");
        await page.WaitForInteractiveAsync();
        await AssertMarkedAsync(page, "recipient-name", required: true);
        await AssertMarkedAsync(page, "reference", required: false);

        // Whose data is filled in; what was disclosed is not: the recipient is the first field to correct.
        await page.CheckAsync("#audience-EmailList");
        await page.FillAsync("#audience-emails", "someone@example.com");
        await page.FocusAsync("#disclosure-review");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#disclosure-problem")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#recipient-name")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#recipient-name")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.ScreenshotForReviewAsync("required-compliance-first-error");
    }
}

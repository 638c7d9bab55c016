using System.Net;

namespace Com1ControlPanel.Tests.Features.Accounts;

/// <summary>
/// When the browser cannot make a passkey, the page says what happened and what to do in the panel's words, chosen by
/// the DOMException's name; the browser's own text ("This is an invalid domain.") is never shown.
/// </summary>
public sealed class PasskeyErrorTests(PanelApp app) : IClassFixture<PanelApp>
{
    private const string PagePath = "/Account/Manage/Passkeys";

    private async Task<string> PageAfterFailedAddAsync(string error)
    {
        var customer = await app.Customers.NewAsync("Pia Passkey");
        using var client = await app.Client().SignedInAsync(customer.Email, customer.Password);

        using var response = await client.PostFormAsync(PagePath,
            new Dictionary<string, string> { ["_handler"] = "add-passkey", ["Input.Error"] = error }, tokenFrom: PagePath);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location));
    }

    [Theory]
    [InlineData("NotAllowedError", "No passkey was added: the request was cancelled or took too long. Select Add a passkey to try again, and follow what your browser or device asks.")]
    [InlineData("InvalidStateError", "This device already holds a passkey for your account, so no new one was added. Use the one you have, or remove it from the list above first.")]
    [InlineData("SecurityError", "Your browser refused to make a passkey for the address this page was opened at. Open the control panel at its usual https address and try again.")]
    [InlineData("AbortError", "Adding the passkey was stopped before it finished. Select Add a passkey to try again.")]
    [InlineData("NotSupportedError", "This browser or device cannot make passkeys. Update the browser, or add the passkey on another device.")]
    [InlineData("UnknownError", "The passkey could not be added. Try again; if it keeps failing, contact Com 1 support.")]
    public async Task Each_kind_of_failure_is_told_in_the_panels_words(string name, string expected)
    {
        var html = await PageAfterFailedAddAsync(name);

        Assert.Contains(expected, html);
    }

    [Fact]
    public async Task The_browsers_own_text_is_never_shown_but_told_as_an_unknown_failure()
    {
        var html = await PageAfterFailedAddAsync("This is an invalid domain.");

        Assert.DoesNotContain("This is an invalid domain.", html);
        Assert.Contains("The passkey could not be added. Try again; if it keeps failing, contact Com 1 support.", html);
    }
}

using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Tests.Features.Support;
using Com1ControlPanel.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Com1ControlPanel.Tests.Security;

/// <summary>
/// Issue 9, item 9: a passkey counts as the second factor that support sessions require only when the authenticator
/// verified the user (PIN or biometric). Possession of the key alone signs in, but is not two factors.
/// </summary>
public sealed partial class PasskeySecondFactorTests : IDisposable
{
    private const string Origin = "https://localhost";
    private readonly SupportApp support;

    /// <summary>
    /// By default the panel refuses a passkey that did not verify the user; these tests also run it the way an operator
    /// who accepts security keys without a PIN would, which is where the second-factor rule has to hold by itself.
    /// </summary>
    public PasskeySecondFactorTests() => support = new(requireTwoFactor: true,
        services: s => s.Configure<IdentityPasskeyOptions>(o => o.UserVerificationRequirement = "preferred"));

    public void Dispose() => support.Dispose();

    private Task<(HttpClient? Browser, string AgentId)> AgentSignedInWithPasskeyAsync(bool userVerified) =>
        SignInWithPasskeyAsync(support, userVerified);

    /// <summary>A new agent with a passkey signs in with it; the browser comes back null when the sign-in page refused it.</summary>
    private static async Task<(HttpClient? Browser, string AgentId)> SignInWithPasskeyAsync(SupportApp support, bool userVerified)
    {
        var agent = await SupportAgents.CreateAsync(support);
        using var passkey = new SoftPasskey();
        await using (var scope = support.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.True((await users.AddOrUpdatePasskeyAsync((await users.FindByIdAsync(agent.Id))!, passkey.ToStored())).Succeeded);
        }
        var browser = support.Client();
        // Browsers send Origin with these posts; the panel checks it against the origin the authenticator signed.
        browser.DefaultRequestHeaders.Add("Origin", Origin);
        var challenge = await ChallengeAsync(browser);
        using var signedIn = await FormPost.SubmitAsync(browser, "/Account/Login", "login", new Dictionary<string, string>
        {
            ["Input.Passkey.CredentialJson"] = passkey.Assert(challenge, Origin, agent.Id, userVerified),
        });
        return (signedIn.StatusCode == HttpStatusCode.Redirect ? browser : null, agent.Id);
    }

    /// <summary>Asks for sign-in options as the page's script does, with the page's antiforgery token.</summary>
    private static async Task<string> ChallengeAsync(HttpClient browser)
    {
        var page = await browser.GetStringAsync("/Account/Login");
        var token = System.Net.WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/PasskeyRequestOptions");
        request.Headers.Add("RequestVerificationToken", token);
        using var response = await browser.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var options = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return options.RootElement.GetProperty("challenge").GetString()!;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();

    private async Task<SupportRefusal?> StartRefusalAsync(HttpClient browser)
    {
        var customer = await TestCustomers.CreateAsync(support.App.Services, $"pk-{Guid.NewGuid():N}"[..14] + "@example.com", "Pia Key");
        using var response = await SupportApp.StartAsync(browser, customer.Id);
        var location = response.Headers.Location?.OriginalString ?? "";
        var refused = Regex.Match(location, "refused=(\\w+)");
        return refused.Success ? Enum.Parse<SupportRefusal>(refused.Groups[1].Value) : null;
    }

    [Fact]
    public async Task By_default_a_passkey_that_did_not_verify_the_user_does_not_sign_in()
    {
        using var strict = new SupportApp(requireTwoFactor: true);

        var (browser, _) = await SignInWithPasskeyAsync(strict, userVerified: false);

        Assert.Null(browser);
    }

    [Fact]
    public async Task A_passkey_without_user_verification_signs_in_but_is_not_a_second_factor()
    {
        var (browser, agentId) = await AgentSignedInWithPasskeyAsync(userVerified: false);
        Assert.NotNull(browser);

        Assert.Equal(SupportRefusal.TwoFactorRequired, await StartRefusalAsync(browser!));
        await using var db = support.CreateDbContext();
        Assert.False(await db.SupportSessions.AnyAsync(s => s.AgentUserId == agentId));
    }

    [Fact]
    public async Task A_passkey_that_verified_the_user_is_a_second_factor()
    {
        var (browser, agentId) = await AgentSignedInWithPasskeyAsync(userVerified: true);
        Assert.NotNull(browser);

        Assert.Null(await StartRefusalAsync(browser!));
        await using var db = support.CreateDbContext();
        Assert.True(await db.SupportSessions.AnyAsync(s => s.AgentUserId == agentId));
    }
}

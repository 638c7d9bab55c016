using System.Net;
using System.Text.RegularExpressions;

namespace Com1ControlPanel.Tests.Kit;

/// <summary>
/// The HTTP steps of a browser without scripts: load a page, then post its form back with the form's hidden fields (the
/// antiforgery token among them). The client must keep cookies.
/// </summary>
public static partial class Forms
{
    /// <summary>
    /// GETs <paramref name="path"/>, finds the Blazor form named <paramref name="formName"/> (its hidden _handler field),
    /// and POSTs its hidden fields with <paramref name="fields"/> to the form's action, as application/x-www-form-urlencoded.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(
        this HttpClient client, string path, string formName, IReadOnlyDictionary<string, string> fields)
    {
        var html = await PageAsync(client, path);
        var form = Form().Matches(html)
            .FirstOrDefault(f => HiddenInputs(f.Value).Any(i => i.Key == "_handler" && i.Value == formName))
            ?? throw new InvalidOperationException($"{path} has no form named {formName}.");
        var values = HiddenInputs(form.Value).ToDictionary(p => p.Key, p => p.Value);
        Assert.True(values.ContainsKey("__RequestVerificationToken"), $"The {formName} form has no antiforgery token.");
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }
        var action = Attribute(form.Groups["tag"].Value, "action") is { Length: > 0 } a ? a : path;
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(action, content);
    }

    /// <summary>Signs in through the sign-in form, as a person would; the client keeps the cookie.</summary>
    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password = TestCustomers.Password) =>
        client.SubmitFormAsync("/Account/Login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    /// <summary>Signs in and checks it worked (the form sends the browser on); returns the client, now signed in.</summary>
    public static async Task<HttpClient> SignedInAsync(this HttpClient client, string email, string password = TestCustomers.Password)
    {
        using var response = await client.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>The antiforgery token of the page at <paramref name="path"/>.</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string path = "/") =>
        HiddenInputs(await PageAsync(client, path)).First(i => i.Key == "__RequestVerificationToken").Value;

    /// <summary>
    /// Posts <paramref name="fields"/> to an endpoint that is a plain HTML form rather than a Blazor one (sign-out, the
    /// theme switch, support sessions), with the antiforgery token of the page at <paramref name="tokenFrom"/>.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        this HttpClient client, string path, IReadOnlyDictionary<string, string>? fields = null, string tokenFrom = "/")
    {
        var values = new Dictionary<string, string>(fields ?? new Dictionary<string, string>())
        {
            ["__RequestVerificationToken"] = await client.AntiforgeryTokenAsync(tokenFrom),
        };
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(path, content);
    }

    private static async Task<string> PageAsync(HttpClient client, string path)
    {
        using var page = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return await page.Content.ReadAsStringAsync();
    }

    private static IEnumerable<KeyValuePair<string, string>> HiddenInputs(string html) =>
        Input().Matches(html)
            .Select(m => m.Value)
            .Where(tag => Attribute(tag, "type") == "hidden" && Attribute(tag, "name") is not null)
            .Select(tag => KeyValuePair.Create(Attribute(tag, "name")!, Attribute(tag, "value") ?? ""));

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $@"\s{name}=""([^""]*)""");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    [GeneratedRegex("(?<tag><form\\b[^>]*>).*?</form>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Form();

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Input();
}

using System.Net;
using System.Text.RegularExpressions;

namespace Com1ControlPanel.Tests.Support;

/// <summary>Submits a server-rendered form the way a browser without scripts does: load the page, then post it back.</summary>
public static partial class FormPost
{
    /// <summary>
    /// GETs <paramref name="path"/>, finds the Blazor form named <paramref name="formName"/> (its hidden _handler field),
    /// and POSTs its hidden fields (the antiforgery token among them) with <paramref name="fields"/> to the form's action,
    /// as application/x-www-form-urlencoded. The client must keep cookies.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(
        HttpClient client, string path, string formName, IReadOnlyDictionary<string, string> fields)
    {
        using var page = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();

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

    /// <summary>Signs the client in through the sign-in form, as a person would; the client keeps the cookie.</summary>
    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        SubmitAsync(client, "/Account/Login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    /// <summary>
    /// The antiforgery token of the page at <paramref name="path"/>, for posting to endpoints that are plain HTML forms
    /// (sign-out, the theme switch) rather than Blazor forms. The client must keep cookies.
    /// </summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        using var page = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return HiddenInputs(await page.Content.ReadAsStringAsync()).First(i => i.Key == "__RequestVerificationToken").Value;
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

using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.Kit;

/// <summary>What a person does in the browser that takes more than one step, by element id rather than by wording.</summary>
public static class BrowserSteps
{
    public static string Path(this IPage page) => new Uri(page.Url).AbsolutePath;

    public static Task WaitForPathAsync(this IPage page, string path) =>
        page.WaitForURLAsync(url => new Uri(url).AbsolutePath == path);

    /// <summary>Presses Enter in a field, which submits its form with the form's main button, and waits for the server's answer.</summary>
    public static async Task SubmitFromAsync(this IPage page, string fieldSelector)
    {
        await page.RunAndWaitForResponseAsync(
            () => page.PressAsync(fieldSelector, "Enter"),
            response => response.Request.Method == "POST");
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    public static async Task SignInAsync(this IPage page, string email, string password = TestCustomers.Password)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#login-email", email);
        await page.FillAsync("#login-password", password);
        await page.SubmitFromAsync("#login-password");
    }

    /// <summary>
    /// Waits until the page has its live connection (before that, clicks and typing reach nobody) and its app bar knows
    /// whether the menu drawer is open on this screen.
    /// </summary>
    public static async Task WaitForInteractiveAsync(this IPage page)
    {
        await page.Locator("[data-interactive='true']").WaitForAsync();
        await page.Locator("header[data-menu='ready']").WaitForAsync();
    }

    /// <summary>Whether a fresh load of the dashboard shows it, rather than sending the visitor to sign in.</summary>
    public static async Task<bool> SeesDashboardAsync(this IPage page)
    {
        await page.GotoAsync("/");
        return page.Path() == "/";
    }

    /// <summary>With COM1_SCREENSHOTS set to a folder, the page as a person sees it is saved there for a look.</summary>
    public static async Task ScreenshotForReviewAsync(this IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("COM1_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.WaitForTimeoutAsync(400);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = System.IO.Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }
}

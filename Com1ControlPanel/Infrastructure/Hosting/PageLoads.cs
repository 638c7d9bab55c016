namespace Com1ControlPanel.Infrastructure.Hosting;

public static class PageLoads
{
    /// <summary>A browser loading a page (not a script, a style or the live connection): where per-visit work belongs.</summary>
    public static bool IsPageLoad(HttpRequest request) =>
        request.Headers["Sec-Fetch-Dest"] == "document"
        || request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);
}

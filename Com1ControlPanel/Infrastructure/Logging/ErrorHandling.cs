namespace Com1ControlPanel.Infrastructure.Logging;

public static class ErrorHandling
{
    /// <summary>
    /// Correlation ids first, then the friendly error page for unexpected exceptions (the developer page in Development)
    /// and the status page for empty 4xx/5xx responses.
    /// </summary>
    public static WebApplication UsePanelErrorHandling(this WebApplication app)
    {
        app.UseCorrelationId();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }
        app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
        return app;
    }
}

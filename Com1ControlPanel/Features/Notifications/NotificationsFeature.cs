namespace Com1ControlPanel.Features.Notifications;

public static class NotificationsFeature
{
    /// <summary>The bell in the app bar; other features add notifications in their own unit of work.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services) => services.AddScoped<NotificationService>();
}

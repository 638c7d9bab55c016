namespace Com1ControlPanel.Features.Messages;

public static class MessagesFeature
{
    /// <summary>/messages: the emails sent about the signed-in user's account.</summary>
    public static IServiceCollection AddMessages(this IServiceCollection services) => services.AddScoped<MessagesService>();
}

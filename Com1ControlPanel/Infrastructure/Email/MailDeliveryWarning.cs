using Microsoft.Extensions.Options;

namespace Com1ControlPanel.Infrastructure.Email;

/// <summary>
/// Says at start-up when a production panel has no SMTP server: every email, password resets included, then only lands
/// as a file on the server's disk, which is easy to miss and readable by whoever can read that folder.
/// </summary>
internal sealed class MailDeliveryWarning(
    IHostEnvironment environment, IOptions<MailOptions> options, ILogger<MailDeliveryWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (environment.IsProduction() && string.IsNullOrWhiteSpace(options.Value.Smtp.Host))
        {
            logger.LogWarning(
                "No SMTP server is configured (Mail:Smtp:Host): emails are not sent but written as .eml files to {PickupDirectory}",
                Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.PickupDirectory)));
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

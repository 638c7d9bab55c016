using Com1ControlPanel.Data;
using Microsoft.AspNetCore.Identity;

namespace Com1ControlPanel.Infrastructure.Email;

/// <summary>
/// The sign-in system's messages (confirm your address, reset your password), sent through the outbox as Essential.
/// Links and codes arrive unencoded; <see cref="EmailTemplate"/> encodes them.
/// </summary>
internal sealed class IdentityEmailSender(Outbox outbox) : IEmailSender<ApplicationUser>
{
    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) =>
        outbox.EnqueueAsync(new OutboundEmail(
            user.Id, email, "Confirm your email address",
            EmailTemplate.Compose(user.DisplayName,
                ["Please confirm that this is your email address to finish setting up your Com 1 Control Panel account.",
                 "If you did not create an account, you can ignore this message."],
                new("Confirm my email address", confirmationLink)),
            MessageCategory.Essential,
            "We sent you a link to confirm your email address. For your security, the link is only in the email itself.",
            ContainsSecret: true));

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) =>
        outbox.EnqueueAsync(new OutboundEmail(
            user.Id, email, "Reset your password",
            EmailTemplate.Compose(user.DisplayName,
                ["Someone asked to reset the password of your Com 1 Control Panel account.",
                 "If it was you, choose a new password with the link below. If not, ignore this message: your password stays as it is."],
                new("Choose a new password", resetLink)),
            MessageCategory.Essential,
            "We sent you a link to reset your password. For your security, the link is only in the email itself.",
            ContainsSecret: true));

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) =>
        outbox.EnqueueAsync(new OutboundEmail(
            user.Id, email, "Your password reset code",
            EmailTemplate.Compose(user.DisplayName,
                [$"Your password reset code is {resetCode}.",
                 "If you did not ask for it, ignore this message: your password stays as it is."]),
            MessageCategory.Essential,
            "We sent you a password reset code. For your security, the code is only in the email itself.",
            ContainsSecret: true));
}

using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Identity;

namespace Com1ControlPanel.Features.Accounts.Passwords;

/// <summary>Identity's answers about a chosen password, shown under the password field where the customer typed it.</summary>
public static class PasswordErrors
{
    /// <summary>
    /// Puts the errors about the new password (too short, too common, ...) under <paramref name="field"/> and returns the
    /// descriptions of the others, for the page's status message.
    /// </summary>
    public static IReadOnlyList<string> ShowAtField(EditContext form, FieldIdentifier field, IEnumerable<IdentityError> errors)
    {
        var messages = new ValidationMessageStore(form);
        var others = new List<string>();
        foreach (var error in errors)
        {
            if (IsAboutTheNewPassword(error))
            {
                messages.Add(field, error.Description);
            }
            else
            {
                others.Add(error.Description);
            }
        }
        form.NotifyValidationStateChanged();
        return others;
    }

    // Identity's password rules all have codes starting "Password"; a wrong current password is not one of them.
    private static bool IsAboutTheNewPassword(IdentityError error) =>
        error.Code.StartsWith("Password", StringComparison.Ordinal) && error.Code != nameof(IdentityErrorDescriber.PasswordMismatch);
}

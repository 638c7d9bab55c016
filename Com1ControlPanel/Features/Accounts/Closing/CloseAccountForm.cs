using System.ComponentModel.DataAnnotations;

namespace Com1ControlPanel.Features.Accounts.Closing;

/// <summary>What the customer gives to close their account: who they are (password, and a code with two-factor sign-in), and that they mean it.</summary>
public sealed class CloseAccountForm
{
    [Required(ErrorMessage = "Enter your password.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    /// <summary>The code of the authenticator app; asked for only when two-factor sign-in is on.</summary>
    public string? Code { get; set; }

    [Range(typeof(bool), "true", "true", ErrorMessage = "Tick the box to confirm that you want to close your account now.")]
    public bool Confirmed { get; set; }

    /// <summary>The code as typed, without the spaces and dashes apps show it with.</summary>
    public string CleanCode => (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
}

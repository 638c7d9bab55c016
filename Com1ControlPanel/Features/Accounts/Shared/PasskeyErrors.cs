namespace Com1ControlPanel.Features.Accounts.Shared;

/// <summary>
/// What to tell the person when the browser could not make or use a passkey. The page script sends only the
/// DOMException's name (never the browser's own text, which reads like "This is an invalid domain."); anything else is
/// told as an unknown failure, so nothing sent in the form is ever shown back.
/// </summary>
public static class PasskeyErrors
{
    public static string Adding(string? name) => name switch
    {
        "NotAllowedError" => "No passkey was added: the request was cancelled or took too long. Select Add a passkey to try again, and follow what your browser or device asks.",
        "InvalidStateError" => "This device already holds a passkey for your account, so no new one was added. Use the one you have, or remove it from the list above first.",
        "SecurityError" => "Your browser refused to make a passkey for the address this page was opened at. Open the control panel at its usual https address and try again.",
        "AbortError" => "Adding the passkey was stopped before it finished. Select Add a passkey to try again.",
        "NotSupportedError" => "This browser or device cannot make passkeys. Update the browser, or add the passkey on another device.",
        _ => "The passkey could not be added. Try again; if it keeps failing, contact Com 1 support.",
    };

    public static string SigningIn(string? name) => name switch
    {
        "NotAllowedError" => "No passkey was used: the request was cancelled or took too long. Try again, or sign in with your email address and password.",
        "InvalidStateError" => "This passkey cannot be used on this device. Use another passkey, or sign in with your email address and password.",
        "SecurityError" => "Your browser refused to use a passkey for the address this page was opened at. Open the control panel at its usual https address and try again.",
        "AbortError" => "Signing in with the passkey was stopped before it finished. Try again.",
        "NotSupportedError" => "This browser or device cannot use passkeys. Update the browser, or sign in with your email address and password.",
        _ => "Signing in with a passkey did not work. Try again, or sign in with your email address and password.",
    };
}

namespace Com1ControlPanel.Features.Accounts;

public class PasskeyInputModel
{
    public string? CredentialJson { get; set; }
    public string? Error { get; set; }
}

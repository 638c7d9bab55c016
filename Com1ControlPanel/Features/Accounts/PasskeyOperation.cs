namespace Com1ControlPanel.Features.Accounts;

public enum PasskeyOperation
{
    Create = 0,
    Request = 1,
}

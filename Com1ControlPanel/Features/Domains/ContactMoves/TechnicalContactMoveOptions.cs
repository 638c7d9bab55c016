namespace Com1ControlPanel.Features.Domains.ContactMoves;

/// <summary>
/// The settings of Technical Contact moves, in the "Domains" section beside <see cref="DomainOptions"/>: kept in a class of
/// their own so the domain record's settings stay as they are.
/// </summary>
public sealed class TechnicalContactMoveOptions
{
    public const string Section = DomainOptions.Section;

    /// <summary>The hostmaster mailbox: it gets an email for each new request, so nobody has to watch the queue.</summary>
    public string HostmasterAddress { get; set; } = "hostmaster@com1.test";
}

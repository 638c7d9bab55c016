namespace Com1ControlPanel.Features.Preferences;

/// <summary>One switch of the preferences page: a purpose, and for messages the channel.</summary>
public readonly record struct ConsentKey(MarketingPurpose Purpose, ContactChannel Channel)
{
    public static readonly ContactChannel[] MessageChannels = [ContactChannel.Email, ContactChannel.Phone, ContactChannel.PostalMail];

    /// <summary>Every valid switch: the two message topics on each channel, and the two channel-less purposes.</summary>
    public static readonly IReadOnlyList<ConsentKey> All =
    [
        .. MessageChannels.Select(c => new ConsentKey(MarketingPurpose.ComProducts, c)),
        .. MessageChannels.Select(c => new ConsentKey(MarketingPurpose.PartnerOffers, c)),
        new(MarketingPurpose.PartnerSharing, ContactChannel.None),
        new(MarketingPurpose.UsageStatistics, ContactChannel.None),
    ];

    /// <summary>What "Stop all solicitations" turns off: every message topic and partner sharing (not usage statistics).</summary>
    public static readonly IReadOnlyList<ConsentKey> Solicitations =
        [.. All.Where(k => k.Purpose != MarketingPurpose.UsageStatistics)];

    /// <summary>What the browser's Global Privacy Control signal turns off: everything that goes to partners.</summary>
    public static readonly IReadOnlyList<ConsentKey> SharedWithPartners =
        [.. All.Where(k => k.Purpose is MarketingPurpose.PartnerOffers or MarketingPurpose.PartnerSharing)];

    public bool IsValid => All.Contains(this);

    public string Label => Channel == ContactChannel.None ? Purpose.Label() : $"{Purpose.Label()} by {Channel.Label().ToLowerInvariant()}";

    /// <summary>Parses names such as "PartnerOffers" and "Email"; null for anything that is not a valid switch.</summary>
    public static ConsentKey? Parse(string? purpose, string? channel)
    {
        if (NamedValue<MarketingPurpose>(purpose) is not { } p
            || NamedValue<ContactChannel>(string.IsNullOrEmpty(channel) ? nameof(ContactChannel.None) : channel) is not { } c)
        {
            return null;
        }
        var key = new ConsentKey(p, c);
        return key.IsValid ? key : null;
    }

    // Names only: Enum.TryParse would also accept numbers such as "7" and turn them into undefined values.
    private static T? NamedValue<T>(string? value) where T : struct, Enum =>
        Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse<T>(name)
            : null;
}

namespace Com1ControlPanel.Features.Preferences;

/// <summary>What a customer may allow or refuse. Essential notices are not a purpose: they cannot be refused.</summary>
public enum MarketingPurpose
{
    /// <summary>Notices of new or upgraded Com 1 products and services.</summary>
    ComProducts,
    /// <summary>Offers from Com 1's selected partners, sent by Com 1.</summary>
    PartnerOffers,
    /// <summary>Handing the customer's contact details to selected partners (the policy's partner programmes).</summary>
    PartnerSharing,
    /// <summary>Website usage statistics (analytics cookies).</summary>
    UsageStatistics,
}

/// <summary>How Com 1 may reach the customer for a purpose; <see cref="None"/> for purposes that are not messages.</summary>
public enum ContactChannel
{
    None,
    Email,
    Phone,
    PostalMail,
}

public static class PurposeLabels
{
    public static string Label(this MarketingPurpose purpose) => purpose switch
    {
        MarketingPurpose.ComProducts => "New and upgraded Com 1 products and services",
        MarketingPurpose.PartnerOffers => "Offers from Com 1's selected partners",
        MarketingPurpose.PartnerSharing => "Share my contact details with Com 1's selected partners",
        MarketingPurpose.UsageStatistics => "Website usage statistics",
        _ => purpose.ToString(),
    };

    public static string Label(this ContactChannel channel) => channel switch
    {
        ContactChannel.Email => "Email",
        ContactChannel.Phone => "Phone",
        ContactChannel.PostalMail => "Postal mail",
        _ => "",
    };
}

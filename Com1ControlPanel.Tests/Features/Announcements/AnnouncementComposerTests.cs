using Bunit;
using Com1ControlPanel.Features.Announcements;
using Com1ControlPanel.Infrastructure.Security;

namespace Com1ControlPanel.Tests.Features.Announcements;

/// <summary>What the announcement form lets the administrator change, and what it only tells them.</summary>
public sealed class AnnouncementComposerTests : ComponentTest
{
    [Fact]
    public void The_channel_is_told_as_plain_text_and_offers_no_field_to_type_in()
    {
        SignIn(Principals.Of("admin-1", "Chris Admin", Roles.Admin));

        var composer = RenderPage<AnnouncementComposer>();

        Assert.Empty(composer.FindAll("input#announcement-channel"));
        Assert.DoesNotContain(composer.FindAll("label"), label => label.TextContent.Trim() == "Channel");
        var channel = composer.Find("#announcement-channel");
        Assert.Equal("Email", channel.TextContent.Trim());
        Assert.Equal("Channel", composer.Find($"#{channel.GetAttribute("aria-labelledby")}").TextContent.Trim());
    }
}

using Com1ControlPanel.Features.Announcements;
using Com1ControlPanel.Infrastructure.Email;

namespace Com1ControlPanel.Tests.Features.Announcements;

public sealed class MarketingEmailTests
{
    [Fact]
    public void Messages_without_a_footer_keep_the_essential_footer_exactly_as_before()
    {
        var content = EmailTemplate.Compose("Carol", ["Your backup finished."], new("Open it", "https://panel.example/b?x=1&y=2"));

        Assert.EndsWith("Open it: https://panel.example/b?x=1&y=2\n\n-- \n"
            + "This is an essential message about your Com 1 account. You cannot unsubscribe from these.\n", content.Text);
        Assert.EndsWith("<p style=\"color:#616e7c;font-size:12px;\">"
            + "This is an essential message about your Com 1 account. You cannot unsubscribe from these.</p></body></html>", content.Html);
    }

    [Fact]
    public void A_marketing_footer_names_the_topic_and_carries_the_unsubscribe_link_in_both_parts()
    {
        const string url = "https://panel.example/unsubscribe/abc?x=1&y=2";

        var content = EmailTemplate.Compose("Carol", ["News."], footer: EmailTemplate.Footer.Marketing("Offers from Com 1's selected partners", url));

        Assert.Contains("Offers from Com 1's selected partners", content.Text);
        Assert.Contains($"Unsubscribe from these emails: {url}\n", content.Text);
        Assert.Contains("href=\"https://panel.example/unsubscribe/abc?x=1&amp;y=2\"", content.Html);
        Assert.DoesNotContain("essential message", content.Text);
        Assert.DoesNotContain("essential message", content.Html);
    }

    [Fact]
    public void The_body_is_split_into_paragraphs_at_blank_lines()
    {
        Assert.Equal(["One line\nand its second line", "Two", "Three"],
            AnnouncementMail.Paragraphs("  One line\r\nand its second line\r\n\r\nTwo\n \nThree\n\n\n"));
    }

    [Fact]
    public void Each_customer_gets_a_message_id_of_their_own_that_is_the_same_every_time()
    {
        var announcement = Guid.NewGuid();

        Assert.Equal(AnnouncementMail.MessageIdFor(announcement, "ann"), AnnouncementMail.MessageIdFor(announcement, "ann"));
        Assert.NotEqual(AnnouncementMail.MessageIdFor(announcement, "ann"), AnnouncementMail.MessageIdFor(announcement, "ben"));
        Assert.NotEqual(AnnouncementMail.MessageIdFor(announcement, "ann"), AnnouncementMail.MessageIdFor(Guid.NewGuid(), "ann"));
    }
}

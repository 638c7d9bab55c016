using Com1ControlPanel.Features.Policies;

namespace Com1ControlPanel.Tests.Features.Policies;

/// <summary>
/// Administrators write the policy in Markdown, and an administrator's account can be taken over: whatever they write, the
/// page shows text and safe links, never script.
/// </summary>
public sealed class PolicyTextTests
{
    [Fact]
    public void Raw_html_in_the_markdown_comes_out_as_text()
    {
        var html = PolicyText.ToHtml("Hello <script>alert('x')</script> and <img src=x onerror=alert(1)>\n\n<div onclick=\"x()\">block</div>");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<div", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JavaScript:alert(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[click](vbscript:msgbox)")]
    [InlineData("[click](//evil.example/path)")]
    public void A_link_to_anything_but_the_web_mail_or_the_panel_goes_nowhere(string markdown)
    {
        var html = PolicyText.ToHtml(markdown);

        Assert.Contains("href=\"#\"", html);
        Assert.DoesNotContain("script:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("//evil", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("[site](https://www.com1usa.com/)", "https://www.com1usa.com/")]
    [InlineData("[mail](mailto:hostmaster@com1usa.com)", "mailto:hostmaster@com1usa.com")]
    [InlineData("[cookies](/cookies)", "/cookies")]
    public void Web_mail_and_panel_links_are_kept(string markdown, string href)
    {
        Assert.Contains($"href=\"{href}\"", PolicyText.ToHtml(markdown));
    }

    [Fact]
    public void An_image_becomes_a_plain_link_so_no_other_site_learns_who_reads_the_policy()
    {
        var html = PolicyText.ToHtml("![tracker](https://tracker.example/pixel.gif)");

        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<a href=\"https://tracker.example/pixel.gif\"", html);
    }

    [Fact]
    public void Headings_sit_below_the_pages_own_title_and_lists_and_emphasis_are_rendered()
    {
        var html = PolicyText.ToHtml("# Title\n\n## Section\n\n- one\n- **two**");

        Assert.DoesNotContain("<h1", html);
        Assert.Contains("<h2", html);
        Assert.Contains("<h3", html);
        Assert.Contains("<li>one</li>", html);
        Assert.Contains("<strong>two</strong>", html);
    }
}

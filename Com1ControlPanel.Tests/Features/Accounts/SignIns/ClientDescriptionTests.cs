using System.Net;
using Com1ControlPanel.Features.Accounts.SignIns;

namespace Com1ControlPanel.Tests.Features.Accounts.SignIns;

public sealed class ClientDescriptionTests
{
    [Theory]
    [InlineData("203.0.113.57", "203.0.113.x")]
    [InlineData("::ffff:203.0.113.57", "203.0.113.x")]
    [InlineData("2001:db8:85a3:8d3:1319:8a2e:370:7348", "2001:db8:85a3::/48")]
    [InlineData("2001:db8::1", "2001:db8:0::/48")]
    public void The_network_is_shown_without_the_device_part(string address, string expected) =>
        Assert.Equal(expected, ClientDescription.Network(IPAddress.Parse(address)));

    [Fact]
    public void No_address_reads_as_unknown() => Assert.Equal("unknown", ClientDescription.Network(null));

    [Theory]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", "Firefox on Linux")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0", "Edge on Windows")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36", "Chrome on Windows")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", "Safari on iOS")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15", "Safari on macOS")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36", "Chrome on Android")]
    [InlineData("curl/8.5.0", "Unknown browser")]
    [InlineData("", "Unknown browser")]
    [InlineData(null, "Unknown browser")]
    public void The_browser_is_named_by_product_and_system(string? userAgent, string expected) =>
        Assert.Equal(expected, ClientDescription.Browser(userAgent));

    [Fact]
    public void The_full_user_agent_string_is_never_repeated()
    {
        const string userAgent = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
        Assert.DoesNotContain("128.0", ClientDescription.Browser(userAgent));
    }
}

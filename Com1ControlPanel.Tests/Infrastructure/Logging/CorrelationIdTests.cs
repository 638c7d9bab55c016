
namespace Com1ControlPanel.Tests.Infrastructure.Logging;

public sealed class CorrelationIdTests(PanelApp app) : IClassFixture<PanelApp>
{
    private const string Header = "X-Correlation-Id";

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/health")]
    [InlineData("/no-such-page")]
    [InlineData("/")]
    public async Task Every_response_has_a_correlation_id(string path)
    {
        using var client = app.Client();
        using var response = await client.GetAsync(path);

        Assert.Matches("^[A-Za-z0-9-]{8,64}$", Assert.Single(response.Headers.GetValues(Header)));
    }

    [Fact]
    public async Task Two_requests_get_different_ids()
    {
        using var client = app.Client();
        using var first = await client.GetAsync("/health");
        using var second = await client.GetAsync("/health");

        Assert.NotEqual(first.Headers.GetValues(Header).Single(), second.Headers.GetValues(Header).Single());
    }

    [Fact]
    public async Task A_callers_sane_id_is_kept_so_logs_can_be_followed_across_services()
    {
        using var client = app.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add(Header, "caller-id-1234");
        using var response = await client.SendAsync(request);

        Assert.Equal("caller-id-1234", response.Headers.GetValues(Header).Single());
    }

    [Fact]
    public async Task A_callers_id_with_markup_is_replaced_not_echoed()
    {
        using var client = app.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.TryAddWithoutValidation(Header, "<script>alert(1)</script>");
        using var response = await client.SendAsync(request);

        var id = response.Headers.GetValues(Header).Single();
        Assert.DoesNotContain("<", id);
        Assert.Matches("^[A-Za-z0-9-]{8,64}$", id);
    }
}

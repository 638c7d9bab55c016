using Bunit;
using Com1ControlPanel.Features.Policies;
using Com1ControlPanel.Features.Policies.Admin;
using Com1ControlPanel.Infrastructure.Security;

namespace Com1ControlPanel.Tests.Features.Policies;

/// <summary>The publishing form: empty text and a date too soon are refused at their fields, and nothing is published.</summary>
public sealed class PolicyComposerTests() : ComponentTest(now: new DateTimeOffset(2027, 3, 10, 15, 0, 0, TimeSpan.Zero))
{
    protected override async Task ArrangeAsync() => SignIn((await Kit.Staff.NewAsync(Roles.Admin, "Ada Admin")).Principal);

    private async Task<IRenderedComponent<Bunit.Rendering.ContainerFragment>> RenderComposerAsync()
    {
        var draft = await Services.GetRequiredService<PolicyPublishing>().NewDraftAsync();
        return RenderPage<PolicyComposer>(new Dictionary<string, object?> { [nameof(PolicyComposer.Draft)] = draft });
    }

    private static string FieldText(IRenderedComponent<Bunit.Rendering.ContainerFragment> page, string inputId) =>
        page.Find($"#{inputId}").Closest(".mud-input-control")!.TextContent;

    private async Task<int> PublishedAsync()
    {
        await using var db = Kit.CreateDbContext();
        return await db.PolicyVersions.CountAsync(v => !v.Shipped);
    }

    [Fact]
    public async Task Empty_text_is_refused_at_its_field_and_nothing_is_published()
    {
        var page = await RenderComposerAsync();

        page.Find("#policy-summary").Input(PolicyTestData.Summary);
        page.Find("#policy-effective").Change("2027-05-01");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("Write the policy's text.", FieldText(page, "policy-markdown")));
        Assert.Empty(page.FindAll(".mud-dialog"));
        Assert.Equal(0, await PublishedAsync());
    }

    [Fact]
    public async Task A_date_sooner_than_the_notice_days_is_refused_at_its_field_as_the_admin_chooses_it()
    {
        var page = await RenderComposerAsync();

        page.Find("#policy-effective").Change("2027-04-01");

        page.WaitForAssertion(() => Assert.Contains("Customers must be told 30 days ahead: choose 9 April 2027 or later.",
            FieldText(page, "policy-effective")));
        Assert.Contains("9 April 2027 or later.", FieldText(page, "policy-effective"));
        Assert.Equal(0, await PublishedAsync());
    }

    [Fact]
    public async Task The_preview_shows_markup_as_text()
    {
        var page = await RenderComposerAsync();

        page.Find("#policy-markdown").Input("# New policy\n\n<script>alert(1)</script>");
        page.FindAll(".mud-tab").Single(t => t.TextContent.Contains("Preview")).Click();

        page.WaitForAssertion(() => Assert.Contains("<h2", page.Find(".policy-text").InnerHtml));
        Assert.Empty(page.FindAll(".policy-text script"));
    }
}

using Bunit;
using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Disclosures;
using Com1ControlPanel.Features.Disclosures.Compliance;
using Com1ControlPanel.Infrastructure.Security;
using static Com1ControlPanel.Tests.Features.Disclosures.Compliance.ComplianceTestData;

namespace Com1ControlPanel.Tests.Features.Disclosures.Compliance;

/// <summary>
/// On PostgreSQL the register arrives after the page's first render (the database answers asynchronously, where SQLite
/// answers at once): a group being written still shows its progress until every entry is in.
/// </summary>
[Trait("Category", "PostgreSQL")]
public sealed class RegisterProgressOnPostgreSqlTests() : ComponentTest(now: Start, provider: DatabaseProvider.PostgreSQL)
{
    // Every answer travels to a server here: on a busy machine the first render and each poll can take a while.
    private static readonly TimeSpan Busy = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_group_being_written_shows_its_progress_until_every_entry_is_in()
    {
        var officer = await Kit.Staff.NewAsync(Roles.ComplianceOfficer, "Morgan Lee");
        SignIn(officer.Principal);
        await Kit.CustomerAsync("a");
        await Kit.CustomerAsync("b");
        await Kit.As(officer.Principal).Get<DisclosureRecorder>().RecordAsync(Draft(), DisclosureAudience.Everyone);
        var page = RenderPage<ComplianceDisclosuresPage>();

        var progress = page.WaitForElement(".register-progress[data-status=Writing]", Busy);
        Assert.Contains("Writing: 0 of 2 customers", progress.TextContent);

        await Kit.WriteQueuedAsync();

        page.WaitForAssertion(() => Assert.Contains("In the logs of 2 customers.", page.Find(".register-progress").TextContent), Busy);
    }
}

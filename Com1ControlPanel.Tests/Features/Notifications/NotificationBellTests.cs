using Bunit;
using Com1ControlPanel.Features.Notifications;
using MudBlazor;

namespace Com1ControlPanel.Tests.Features.Notifications;

public sealed class NotificationBellTests : ComponentTest
{
    private static readonly DateTime Now = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);

    protected override async Task ArrangeAsync()
    {
        var fay = await Kit.Customers.NewAsync("Fay Test", id: "fay");
        await Kit.Customers.NewAsync("Gus Test", id: "gus");
        await using (var db = Kit.CreateDbContext())
        {
            NotificationService.Add(db, "fay", "New disclosure in your log", "Com 1 shared some of your data with Nexa.", "disclosures", Now.AddHours(-2));
            NotificationService.Add(db, "fay", "New disclosure in your log", "Com 1 shared some of your data with the court.", "disclosures", Now.AddHours(-1));
            db.Notifications.Add(new Notification { UserId = "fay", Title = "Welcome", Text = "Your panel is ready.", CreatedAt = Now.AddDays(-9), ReadAt = Now.AddDays(-9) });
            NotificationService.Add(db, "gus", "For Gus only", "Not for Fay.", null, Now);
            await db.SaveChangesAsync();
        }
        SignIn(fay.Principal);
    }

    private IRenderedComponent<Bunit.Rendering.ContainerFragment> RenderBell()
    {
        var host = Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<NotificationBell>(1);
            builder.CloseComponent();
        });
        host.WaitForElement("#notification-bell button[aria-label='Notifications, 2 unread']");
        return host;
    }

    [Fact]
    public void The_bell_shows_how_many_notifications_are_unread()
    {
        var bell = RenderBell();

        Assert.Equal("2", bell.Find(".mud-badge").TextContent.Trim());
    }

    [Fact]
    public async Task Opening_the_bell_lists_the_users_own_recent_notifications_newest_first()
    {
        var bell = RenderBell();

        await bell.Find("#notification-bell button").ClickAsync(new());

        bell.WaitForElement("#mark-all-read");
        var items = bell.FindAll(".notification-text").Select(e => e.TextContent).ToList();
        Assert.Equal(3, items.Count);
        Assert.Contains("with the court", items[0]);
        Assert.Contains("with Nexa", items[1]);
        Assert.Contains("Your panel is ready.", items[2]);
        Assert.DoesNotContain(items, i => i.Contains("Gus", StringComparison.Ordinal));
        Assert.Equal(2, bell.FindAll(".notification-unread").Count);
    }

    [Fact]
    public async Task Mark_all_as_read_clears_the_badge_and_leaves_other_users_alone()
    {
        var bell = RenderBell();
        await bell.Find("#notification-bell button").ClickAsync(new());

        await bell.WaitForElement("#mark-all-read").ClickAsync(new());

        bell.WaitForElement("#notification-bell button[aria-label='Notifications, none unread']");
        Assert.Empty(bell.FindAll(".mud-badge"));
        await using var db = Kit.CreateDbContext();
        Assert.Equal(0, await db.Notifications.CountAsync(n => n.UserId == "fay" && n.ReadAt == null));
        Assert.Equal(1, await db.Notifications.CountAsync(n => n.UserId == "gus" && n.ReadAt == null));
    }

    [Fact]
    public async Task Opening_the_bell_again_shows_what_arrived_meanwhile()
    {
        var bell = RenderBell();
        await using (var db = Kit.CreateDbContext())
        {
            NotificationService.Add(db, "fay", "Announcement", "Planned maintenance on Sunday.", null, Now.AddMinutes(5));
            await db.SaveChangesAsync();
        }

        await bell.Find("#notification-bell button").ClickAsync(new());

        bell.WaitForElement("#notification-bell button[aria-label='Notifications, 3 unread']");
        Assert.Contains("Planned maintenance on Sunday.", bell.FindAll(".notification-text")[0].TextContent);
    }

    [Fact]
    public async Task In_a_support_session_the_bell_is_read_only_and_says_why()
    {
        var agent = await Kit.Staff.NewAgentAsync("Dana Agent");
        var session = await Kit.SupportBy(agent).SessionAsync("fay", Kit.Now.AddMinutes(-1), minutes: 30);
        SignIn(Principals.InSession("fay", session.Id, agent.Id, agent.Name));
        var bell = RenderBell();

        await bell.Find("#notification-bell button").ClickAsync(new());

        bell.WaitForElement("#notifications-read-only");
        Assert.Equal("Only the customer can mark these as read.", bell.Find("#notifications-read-only").TextContent.Trim());
        Assert.Empty(bell.FindAll("#mark-all-read"));
        Assert.Equal(2, bell.FindAll(".notification-unread").Count);
    }
}

using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Features.Support.Admin;
using Com1ControlPanel.Features.Support.Help;
using Com1ControlPanel.Infrastructure.Security;
using Microsoft.AspNetCore.Http;

namespace Com1ControlPanel.Tests.Features.Support.Admin;

/// <summary>Refused attempts as administrators review them: what was tried, in their words, filtered by agent and paged.</summary>
public sealed class RefusedAttemptsTests() : ServiceTest(now: new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero))
{
    private StaffMember dana = null!, otto = null!, admin = null!;
    private TestCustomer alice = null!;

    protected override async Task ArrangeAsync()
    {
        dana = await Kit.Staff.NewAgentAsync("Dana Agent");
        otto = await Kit.Staff.NewAgentAsync("Otto Agent");
        admin = await Kit.Staff.NewAsync(Roles.Admin, "Ada Admin");
        alice = await Kit.Customers.NewAsync("Alice Archer");
    }

    private RefusedSupportAttempts Attempts() => Kit.As(Principals.Of(admin.Id, admin.Name, Roles.Admin)).Get<RefusedSupportAttempts>();

    [Theory]
    [InlineData(SupportRefusal.OwnAccount, null, "Tried to start a session in their own account")]
    [InlineData(SupportRefusal.TargetIsStaff, null, "Tried to start a session in a staff account")]
    [InlineData(SupportRefusal.TwoFactorRequired, null, "Tried to start without two-factor sign-in")]
    [InlineData(SupportRefusal.SessionEnded, null, "Tried to use a session that had ended")]
    [InlineData(SupportRefusal.ForbiddenDuringSession, "/Account/Manage/CloseAccount", "Tried to open Close account (/Account/Manage/CloseAccount) during a session")]
    [InlineData(SupportRefusal.ForbiddenDuringSession, "/gateway", "Tried to open Card entry (/gateway) during a session")]
    [InlineData(SupportRefusal.ForbiddenDuringSession, "ask for help", "Tried to ask for help during a session")]
    [InlineData(SupportRefusal.ForbiddenDuringSession, null, "Tried to do what stays with the customer during a session")]
    public void An_administrator_reads_what_was_refused_not_what_the_agent_was_told(SupportRefusal refusal, string? attempted, string words)
    {
        Assert.Equal(words, RefusalWording.ForAdmin(refusal, attempted));
        Assert.NotEqual(refusal.Describe(), RefusalWording.ForAdmin(refusal, attempted));
    }

    [Theory]
    [InlineData("/Account/Manage/CloseAccount", "/Account/Manage/CloseAccount")]
    [InlineData("/account/manage", "/Account/Manage")]
    [InlineData("/gateway/tok_4242abcd/frame", "/gateway")]
    [InlineData("/privacy/notice/2026-01", "/privacy/notice")]
    [InlineData("/profile", null)]
    public void A_forbidden_page_is_kept_by_its_path_without_tokens_or_references(string path, string? kept)
    {
        Assert.Equal(kept, SupportForbiddenPaths.Attempted(new PathString(path)));
    }

    [Fact]
    public async Task An_action_refused_in_a_session_is_recorded_with_what_was_tried_and_shown_to_administrators()
    {
        var session = await Kit.SupportBy(dana).SessionAsync(alice.Id, Kit.Now.AddMinutes(-5));
        var inSession = Kit.As(Principals.InSession(alice.Id, session.Id, dana.Id, dana.Name));

        await inSession.Get<HelpRequests>().CreateAsync(new HelpRequestForm { Subject = "Help", Description = "Please", AccessMinutes = 10 });

        var attempt = Assert.Single((await Attempts().ListAsync()).Items);
        Assert.Equal(("Dana Agent", "Alice Archer", "Tried to ask for help during a session"), (attempt.Agent, attempt.Customer, attempt.WhatWasRefused));
    }

    [Fact]
    public async Task Refused_attempts_are_filtered_by_agent_and_come_twenty_to_a_page()
    {
        var recorder = Kit.Get<SupportAttempts>();
        for (var i = 0; i < 23; i++)
        {
            await recorder.RecordAsync(dana.Id, alice.Id, SupportRefusal.SessionEnded);
        }
        await recorder.RecordAsync(otto.Id, null, SupportRefusal.OwnAccount);

        var first = await Attempts().ListAsync();
        var second = await Attempts().ListAsync(page: 1);
        var otto_s = await Attempts().ListAsync(agentUserId: otto.Id);

        Assert.Equal((24, 20, true), (first.Total, first.Items.Count, first.HasOlder));
        Assert.Equal(4, second.Items.Count);
        Assert.Equal("Tried to start a session in their own account", Assert.Single(otto_s.Items).WhatWasRefused);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Kit.As(Principals.Agent(dana.Id, dana.Name)).Get<RefusedSupportAttempts>().ListAsync());
    }
}

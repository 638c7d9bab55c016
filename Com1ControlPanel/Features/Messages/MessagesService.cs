using Com1ControlPanel.Data;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Messages;

/// <summary>The emails Com 1 sent (or is sending) about the signed-in user's account.</summary>
public sealed class MessagesService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser)
{
    public const int PageSize = 25;

    public async Task<MessageList> GetAsync(int page, CancellationToken cancellationToken = default)
    {
        var userId = await currentUser.GetUserIdAsync();
        page = Math.Max(0, page);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mine = db.OutboxMessages.AsNoTracking().Where(m => m.RecipientUserId == userId);
        var total = await mine.CountAsync(cancellationToken);
        var messages = await mine
            .OrderByDescending(m => m.CreatedAt)
            .Skip(page * PageSize).Take(PageSize)
            .Select(m => new MessageView(m.Id, m.Subject, m.ToAddress, m.CreatedAt, m.SentAt, m.Category, m.Status, m.PanelText))
            .ToListAsync(cancellationToken);
        return new MessageList(messages, total, page);
    }
}

public sealed record MessageView(
    Guid Id, string Subject, string ToAddress, DateTime CreatedAt, DateTime? SentAt,
    MessageCategory Category, OutboxStatus Status, string PanelText);

public sealed record MessageList(IReadOnlyList<MessageView> Messages, int Total, int Page)
{
    public int PageCount => Math.Max(1, (Total + MessagesService.PageSize - 1) / MessagesService.PageSize);
}

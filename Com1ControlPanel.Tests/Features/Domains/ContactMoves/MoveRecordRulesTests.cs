using System.Runtime.CompilerServices;
using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Domains.ContactMoves;
using Com1ControlPanel.Tests.Features.Domains;
using Com1ControlPanel.Tests.Features.Hostmaster;
using Npgsql;

namespace Com1ControlPanel.Tests.Features.Domains.ContactMoves;

/// <summary>
/// The database keeps the rules too, whatever code or hand runs against it: one open request per domain, what was asked
/// never changes, a request only moves forward, and its steps are never altered or removed.
/// </summary>
public sealed class MoveRecordRulesTests() : ServiceTest(DomainSteps.Start)
{
    private async Task<(int Id, int DomainId)> OpenMoveAsync()
    {
        var (customer, domain) = await Kit.CustomerWithDomainAsync();
        return (await Kit.RequestMoveAsync(customer, domain), domain.Id);
    }

    [Fact]
    public async Task A_second_open_request_for_a_domain_is_refused_by_the_database_itself()
    {
        var (id, domainId) = await OpenMoveAsync();
        var first = await Kit.StoredMoveAsync(id);
        await using var db = Kit.CreateDbContext();
        db.TechnicalContactMoves.Add(TechnicalContactMove.Submit(domainId, first.CustomerId, MoveSteps.Rheinhost("Second Host AG").ToContact(),
            null, first.Steps[0].Actor, Kit.Now));

        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        if (Kit.Database.Provider == DatabaseProvider.PostgreSQL)
        {
            Assert.Equal(PostgresErrorCodes.UniqueViolation, Assert.IsType<PostgresException>(refused.InnerException).SqlState);
        }
        else
        {
            Assert.Contains("UNIQUE", refused.InnerException!.Message);
        }
    }

    [Fact]
    public async Task A_finished_request_does_not_count_as_open()
    {
        var (id, domainId) = await OpenMoveAsync();
        var first = await Kit.StoredMoveAsync(id);
        await Kit.Database.TamperAsync($"UPDATE \"TechnicalContactMoves\" SET \"Status\" = 'Cancelled', \"ClosedAt\" = '2026-11-28 11:00:00' WHERE \"Id\" = {id}");
        await using var db = Kit.CreateDbContext();
        db.TechnicalContactMoves.Add(TechnicalContactMove.Submit(domainId, first.CustomerId, MoveSteps.Rheinhost("Second Host AG").ToContact(),
            null, first.Steps[0].Actor, Kit.Now));

        await db.SaveChangesAsync();
    }

    [Theory]
    [InlineData("UPDATE \"TechnicalContactMoves\" SET \"Company\" = 'Hijack Hosting Ltd' WHERE \"Id\" = {0}")]
    [InlineData("UPDATE \"TechnicalContactMoves\" SET \"Email\" = 'hijack@example.net' WHERE \"Id\" = {0}")]
    [InlineData("UPDATE \"TechnicalContactMoves\" SET \"Status\" = 'Completed' WHERE \"Id\" = {0}")]
    [InlineData("UPDATE \"TechnicalContactMoves\" SET \"Status\" = 'Open' WHERE \"Id\" = {0}")]
    [InlineData("DELETE FROM \"TechnicalContactMoves\" WHERE \"Id\" = {0}")]
    [InlineData("UPDATE \"TechnicalContactMoveSteps\" SET \"ActorName\" = 'Someone else' WHERE \"MoveId\" = {0}")]
    [InlineData("UPDATE \"TechnicalContactMoveSteps\" SET \"At\" = '2020-01-01 00:00:00' WHERE \"MoveId\" = {0}")]
    [InlineData("DELETE FROM \"TechnicalContactMoveSteps\" WHERE \"MoveId\" = {0}")]
    public async Task What_was_asked_and_every_step_stay_as_they_were(string sql)
    {
        var (id, _) = await OpenMoveAsync();

        await Kit.Database.RefusesAsync(() => Kit.Database.TamperAsync(FormattableStringFactory.Create(sql, id)));

        var stored = await Kit.StoredMoveAsync(id);
        Assert.Equal(("Rheinhost GmbH", "hostmaster@rheinhost.example", MoveStatus.Open, 1),
            (stored.Company, stored.Email, stored.Status, stored.Steps.Count));
    }

    [Fact]
    public async Task A_request_is_taken_once()
    {
        var (id, _) = await OpenMoveAsync();
        await Kit.Database.TamperAsync($"UPDATE \"TechnicalContactMoves\" SET \"Status\" = 'Taken', \"TakenByUserId\" = 'host-1', \"TakenByName\" = 'Hana', \"TakenAt\" = '2026-11-28 10:05:00' WHERE \"Id\" = {id}");

        await Kit.Database.RefusesAsync(() => Kit.Database.TamperAsync(
            $"UPDATE \"TechnicalContactMoves\" SET \"TakenByUserId\" = 'host-2', \"TakenByName\" = 'Hugo' WHERE \"Id\" = {id}"));
        await Kit.Database.RefusesAsync(() => Kit.Database.TamperAsync(
            $"UPDATE \"TechnicalContactMoves\" SET \"Status\" = 'Cancelled' WHERE \"Id\" = {id}"));

        Assert.Equal(("host-1", MoveStatus.Taken), ((await Kit.StoredMoveAsync(id)).TakenByUserId, (await Kit.StoredMoveAsync(id)).Status));
    }
}

using System.Reflection;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Com1ControlPanel.Data;

/// <summary>
/// The migrations of the provider in use, and only those. Both sets live in this assembly for the one AppDbContext: the
/// SQLite migrations in <c>Com1ControlPanel.Data.Migrations</c> (ids and namespace unchanged, so existing SQLite databases
/// keep their history) and the PostgreSQL ones in <c>Com1ControlPanel.Data.Migrations.PostgreSql</c>, each with its own model
/// snapshot. Filtering by namespace keeps one context type, so Identity, the factory and every service stay as they are;
/// a second context type or a second migrations project would have to be threaded through all of them (and a migrations
/// project cannot be referenced by the app that holds the context). The public <see cref="IMigrationsAssembly"/> is
/// implemented rather than EF's internal MigrationsAssembly extended, so no internal API is leaned on.
/// </summary>
public sealed class ProviderMigrations(ICurrentDbContext currentContext) : IMigrationsAssembly
{
    public const string SqliteNamespace = "Com1ControlPanel.Data.Migrations";
    public const string PostgreSqlNamespace = "Com1ControlPanel.Data.Migrations.PostgreSql";

    private IReadOnlyDictionary<string, TypeInfo>? migrations;
    private ModelSnapshot? snapshot;
    private bool snapshotRead;

    public Assembly Assembly => typeof(AppDbContext).Assembly;

    /// <summary>The namespace of the provider in use: EF names the provider by its assembly.</summary>
    private string Namespace => currentContext.Context.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL"
        ? PostgreSqlNamespace
        : SqliteNamespace;

    public IReadOnlyDictionary<string, TypeInfo> Migrations => migrations ??= new SortedList<string, TypeInfo>(
        Ours()
            .Where(t => t.IsSubclassOf(typeof(Migration)))
            .Select(t => (Type: t, t.GetCustomAttribute<MigrationAttribute>()?.Id))
            .Where(m => m.Id is not null)
            .ToDictionary(m => m.Id!, m => m.Type),
        StringComparer.Ordinal);

    public ModelSnapshot? ModelSnapshot
    {
        get
        {
            if (!snapshotRead)
            {
                var type = Ours().SingleOrDefault(t => t.IsSubclassOf(typeof(ModelSnapshot)));
                snapshot = type is null ? null : (ModelSnapshot)Activator.CreateInstance(type.AsType())!;
                snapshotRead = true;
            }
            return snapshot;
        }
    }

    /// <summary>An id, or a name as given to <c>dotnet ef database update</c> (the id without its time stamp).</summary>
    public string? FindMigrationId(string nameOrId) =>
        Migrations.Keys.FirstOrDefault(id => string.Equals(id, nameOrId, StringComparison.OrdinalIgnoreCase))
        ?? Migrations.Keys.FirstOrDefault(id => string.Equals(id[(id.IndexOf('_') + 1)..], nameOrId, StringComparison.OrdinalIgnoreCase));

    public Migration CreateMigration(TypeInfo migrationClass, string activeProvider)
    {
        var migration = (Migration)Activator.CreateInstance(migrationClass.AsType())!;
        migration.ActiveProvider = activeProvider;
        return migration;
    }

    // Only this context's types of the provider's own namespace (not its sub-namespaces: SQLite's holds PostgreSQL's).
    private IEnumerable<TypeInfo> Ours() =>
        Assembly.DefinedTypes.Where(t => !t.IsAbstract && t.Namespace == Namespace
            && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == currentContext.Context.GetType());
}

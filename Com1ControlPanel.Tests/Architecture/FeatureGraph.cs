using System.Reflection;
using System.Text.RegularExpressions;
using NetArchTest.Rules;

namespace Com1ControlPanel.Tests.Architecture;

/// <summary>
/// Which feature folder uses which, read from the compiled app (type references, signatures and method bodies), so a
/// dependency hidden in a method body or a Razor component counts as much as a using line.
/// </summary>
public sealed class FeatureGraph
{
    public const string FeaturesNamespace = "Com1ControlPanel.Features";

    private FeatureGraph(IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> edges) => Edges = edges;

    /// <summary>Feature → the features it uses → the types that use them (for the message).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> Edges { get; }

    public static FeatureGraph Of(Assembly app)
    {
        var features = Types.InAssembly(app).That().ResideInNamespaceStartingWith(FeaturesNamespace + ".").GetTypes()
            .Select(FolderOf).OfType<string>().Distinct().Order().ToList();
        var edges = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>();
        foreach (var from in features)
        {
            var uses = new Dictionary<string, IReadOnlyList<string>>();
            foreach (var to in features.Where(f => f != from))
            {
                // Whole namespace segments on both sides: "Support" matches Support.Access, never a folder "SupportX".
                var users = (Types.InAssembly(app).That().ResideInNamespaceMatching($@"^{Regex.Escape(FeaturesNamespace)}\.{from}(\.|$)")
                    .ShouldNot().HaveDependencyOn($"{FeaturesNamespace}.{to}")
                    .GetResult().FailingTypes ?? [])
                    .Select(t => t.FullName ?? t.Name).Distinct().Order().ToList();
                if (users.Count > 0)
                {
                    uses[to] = users;
                }
            }
            edges[from] = uses;
        }
        return new FeatureGraph(edges);
    }

    /// <summary>Groups of features that reach each other (strongly connected components of two or more).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        // Tarjan's algorithm: the graph has a dozen nodes, recursion is fine.
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var cycles = new List<IReadOnlyList<string>>();
        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            foreach (var next in Edges[node].Keys)
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (stack.Contains(next))
                {
                    low[node] = Math.Min(low[node], index[next]);
                }
            }
            if (low[node] == index[node])
            {
                var group = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    group.Add(member);
                } while (member != node);
                if (group.Count > 1)
                {
                    cycles.Add([.. group.Order()]);
                }
            }
        }
        foreach (var node in Edges.Keys.Where(n => !index.ContainsKey(n)))
        {
            Visit(node);
        }
        return cycles;
    }

    /// <summary>One line per edge inside the group, with the types that make it.</summary>
    public string Describe(IReadOnlyList<string> group) => string.Join(Environment.NewLine,
        from user in @group
        from edge in Edges[user]
        where @group.Contains(edge.Key)
        select $"  {user} -> {edge.Key}: {string.Join(", ", edge.Value.Take(5))}{(edge.Value.Count > 5 ? ", ..." : "")}");

    public override string ToString() => string.Join(Environment.NewLine,
        Edges.Select(e => $"{e.Key} -> {string.Join(", ", e.Value.Keys)}"));

    private static string? FolderOf(Type type) =>
        type.Namespace is { } ns && ns.StartsWith(FeaturesNamespace + ".", StringComparison.Ordinal)
            ? ns[(FeaturesNamespace.Length + 1)..].Split('.')[0]
            : null;
}

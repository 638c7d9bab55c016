using System.Reflection;
using Com1ControlPanel.Tests.Kit;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework(TestOrder.Namespace + "." + nameof(ShuffledTestFramework), TestOrder.Assembly)]
[assembly: TestCollectionOrderer(TestOrder.Namespace + "." + nameof(ShuffledTestCollections), TestOrder.Assembly)]
[assembly: TestCaseOrderer(TestOrder.Namespace + "." + nameof(ShuffledTestCases), TestOrder.Assembly)]

namespace Com1ControlPanel.Tests.Kit;

/// <summary>
/// The order the tests run in: xUnit's own, or, with a whole number in COM1_TEST_SEED, shuffled by that seed (the same
/// seed, the same order): test collections, the classes within a shared collection, and the tests within a class. It shows
/// that no test depends on another having run first.
/// </summary>
public static class TestOrder
{
    public const string SeedVariable = "COM1_TEST_SEED";
    internal const string Namespace = "Com1ControlPanel.Tests.Kit";
    internal const string Assembly = "Com1ControlPanel.Tests";

    public static int? Seed => int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), out var seed) ? seed : null;

    /// <summary>
    /// <paramref name="items"/> in the seed's order: sorted by <paramref name="key"/> first, so the order depends on the seed
    /// and the names alone, then shuffled by a generator seeded with the seed and <paramref name="salt"/>.
    /// </summary>
    internal static List<T> Shuffle<T>(int seed, IEnumerable<T> items, Func<T, string> key, string salt)
    {
        var list = items.OrderBy(key, StringComparer.Ordinal).ToList();
        var random = new Random(seed ^ StableHash(salt));
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list;
    }

    // string.GetHashCode differs from run to run; a seed must give the same order every time.
    private static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)hash;
    }
}

/// <summary>Runs every test case in the seed's order, which is the order in which xUnit meets the classes of a collection.</summary>
public sealed class ShuffledTestFramework(IMessageSink sink) : XunitTestFramework(sink)
{
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName assembly, ISourceInformationProvider source, IMessageSink sink)
        : XunitTestFrameworkExecutor(assembly, source, sink)
    {
        protected override void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink,
            ITestFrameworkExecutionOptions executionOptions) =>
            base.RunTestCases(TestOrder.Seed is { } seed ? TestOrder.Shuffle(seed, testCases, t => t.UniqueID, "cases") : testCases,
                executionMessageSink, executionOptions);
    }
}

public sealed class ShuffledTestCollections : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        TestOrder.Seed is { } seed
            ? TestOrder.Shuffle(seed, testCollections, c => c.DisplayName, "collections")
            : new DefaultTestCollectionOrderer().OrderTestCollections(testCollections);
}

public sealed class ShuffledTestCases(IMessageSink sink) : ITestCaseOrderer
{
    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase
    {
        var cases = testCases.ToList();
        return TestOrder.Seed is { } seed && cases.Count > 0
            ? TestOrder.Shuffle(seed, cases, t => t.UniqueID, cases[0].TestMethod.TestClass.Class.Name)
            : new DefaultTestCaseOrderer(sink).OrderTestCases(cases);
    }
}

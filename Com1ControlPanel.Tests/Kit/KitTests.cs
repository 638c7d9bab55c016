using System.Reflection;

namespace Com1ControlPanel.Tests.Kit;

/// <summary>The promises the kit makes to the rest of the tests: what ./test.sh --fast leaves out, and the seeded order.</summary>
public sealed class KitTests
{
    private static readonly IReadOnlyList<Type> TestClasses = [.. typeof(KitTests).Assembly.GetTypes()
        .Where(t => t.IsClass && !t.IsAbstract && t.GetMethods().Any(m => m.GetCustomAttributes<FactAttribute>().Any()))];

    private static bool InEndToEndCollection(Type type) =>
        type.GetCustomAttributesData().Any(a => a.AttributeType == typeof(CollectionAttribute)
                                                && Equals(a.ConstructorArguments[0].Value, EndToEndCollection.Name));

    private static bool DrivesABrowser(Type type) =>
        InEndToEndCollection(type)
        || type.GetConstructors().SelectMany(c => c.GetParameters()).Any(p => p.ParameterType == typeof(DebianChromium));

    private static bool IsEndToEnd(Type type) =>
        type.GetCustomAttributesData().Any(a => a.AttributeType == typeof(TraitAttribute)
                                                && a.ConstructorArguments.Select(v => v.Value).SequenceEqual(["Category", "EndToEnd"]));

    [Fact]
    public void Every_browser_test_is_in_the_end_to_end_collection_and_category_so_a_fast_run_leaves_it_out()
    {
        var browserTests = TestClasses.Where(DrivesABrowser).ToList();

        Assert.NotEmpty(browserTests);
        Assert.All(browserTests, t => Assert.True(IsEndToEnd(t), $"{t.Name} drives a browser without the EndToEnd category."));
        Assert.All(browserTests, t => Assert.True(InEndToEndCollection(t), $"{t.Name} drives a browser outside the EndToEnd collection."));
    }

    [Fact]
    public void Only_browser_tests_are_in_the_end_to_end_category()
    {
        Assert.All(TestClasses.Where(IsEndToEnd), t => Assert.True(DrivesABrowser(t), $"{t.Name} is left out of fast runs but drives no browser."));
    }

    [Fact]
    public void A_seed_always_gives_the_same_order_and_another_seed_another_order()
    {
        var names = Enumerable.Range(1, 30).Select(i => $"Test {i}").ToList();

        var first = TestOrder.Shuffle(1, names, n => n, "cases");
        var again = TestOrder.Shuffle(1, names.AsEnumerable().Reverse(), n => n, "cases");
        var second = TestOrder.Shuffle(2, names, n => n, "cases");

        Assert.Equal(first, again);
        Assert.NotEqual(first, second);
        Assert.Equal(names.Order(), first.Order());
    }
}

using System.Reflection;
using Com1ControlPanel.Data;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using NetArchTest.Rules;
using Xunit.Abstractions;

namespace Com1ControlPanel.Tests.Architecture;

/// <summary>
/// The rules that keep features apart (README, "Rules worth knowing"): read from the compiled app, so they hold for
/// method bodies and Razor components as much as for using lines.
/// </summary>
public sealed class ArchitectureTests(ITestOutputHelper output)
{
    private static readonly Assembly App = typeof(AppDbContext).Assembly;

    [Fact]
    public void Infrastructure_uses_no_feature()
    {
        var result = Types.InAssembly(App)
            .That().ResideInNamespace("Com1ControlPanel.Infrastructure")
            .ShouldNot().HaveDependencyOn(FeatureGraph.FeaturesNamespace)
            .GetResult();

        Assert.True(result.IsSuccessful,
            "Infrastructure must not use a feature; these types do: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void No_component_is_given_a_database_context()
    {
        Type[] forbidden = [typeof(AppDbContext), typeof(IDbContextFactory<AppDbContext>)];
        var offenders = App.GetTypes()
            .Where(t => typeof(ComponentBase).IsAssignableFrom(t))
            .SelectMany(t => InjectedTypes(t).Where(forbidden.Contains).Select(injected => $"{t.FullName} ({injected.Name})"))
            .ToList();

        Assert.True(offenders.Count == 0,
            "Components ask a service, never the database; these are given a context: " + string.Join(", ", offenders));
    }

    [Fact]
    public void Feature_folders_use_each_other_without_cycles()
    {
        var graph = FeatureGraph.Of(App);
        output.WriteLine(graph.ToString());

        var cycles = graph.Cycles();

        Assert.True(cycles.Count == 0, "Feature folders that use each other in a cycle (break it with a narrow interface in the "
            + "feature that owns the data):" + Environment.NewLine
            + string.Join(Environment.NewLine, cycles.Select(c => $"{string.Join(" <-> ", c)}:{Environment.NewLine}{graph.Describe(c)}")));
    }

    [Fact]
    public void The_graph_sees_a_dependency_inside_a_method_body()
    {
        // Guards the rule above against reading only signatures: PanelFeatures reaches every feature from method bodies.
        var result = Types.InAssembly(App).That().HaveName("PanelFeatures")
            .Should().HaveDependencyOn($"{FeatureGraph.FeaturesNamespace}.Messages")
            .GetResult();

        Assert.True(result.IsSuccessful);
    }

    private static IEnumerable<Type> InjectedTypes(Type component)
    {
        const BindingFlags members = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        for (var type = component; type is not null && type != typeof(ComponentBase); type = type.BaseType)
        {
            foreach (var property in type.GetProperties(members | BindingFlags.DeclaredOnly)
                .Where(p => p.IsDefined(typeof(InjectAttribute), inherit: true)))
            {
                yield return property.PropertyType;
            }
            foreach (var parameter in type.GetConstructors(members | BindingFlags.DeclaredOnly).SelectMany(c => c.GetParameters()))
            {
                yield return parameter.ParameterType;
            }
        }
    }
}

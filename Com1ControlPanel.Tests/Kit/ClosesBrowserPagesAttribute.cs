using System.Reflection;
using Xunit.Sdk;

namespace Com1ControlPanel.Tests.Kit;

/// <summary>
/// After each test of the collection it marks (<see cref="EndToEndCollection"/>), closes the browser profiles the test
/// opened with <see cref="DebianChromium.NewPageAsync"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ClosesBrowserPagesAttribute : BeforeAfterTestAttribute
{
    // xUnit's hook is synchronous: close on the thread pool, away from xUnit's own synchronisation context.
    public override void After(MethodInfo methodUnderTest) => Task.Run(DebianChromium.CloseOpenedAsync).Wait(TimeSpan.FromSeconds(30));
}

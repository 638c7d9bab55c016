namespace Com1ControlPanel.Tests.Features.Support;

/// <summary>One <see cref="SupportApp"/> for a test class whose tests each make their own agents and customers.</summary>
public sealed class SupportAppFixture : IDisposable
{
    public SupportApp Support { get; } = new();

    public void Dispose() => Support.Dispose();
}

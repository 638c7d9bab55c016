namespace Com1ControlPanel.Benchmarks;

/// <summary>What the figures were measured on, printed with them: they mean little without the machine's load.</summary>
internal static class Machine
{
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}

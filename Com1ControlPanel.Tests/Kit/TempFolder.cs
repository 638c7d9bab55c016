namespace Com1ControlPanel.Tests.Kit;

/// <summary>The folders the tests write their databases, mail and keys into, under the system's temp folder.</summary>
internal static class TempFolder
{
    public static string New(string? name = null)
    {
        var path = Path.Combine(Path.GetTempPath(), "com1-tests", name ?? Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    public static void Delete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open somewhere only leaves a temp folder behind.
        }
    }
}

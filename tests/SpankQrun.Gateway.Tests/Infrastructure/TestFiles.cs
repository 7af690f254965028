namespace SpankQrun.Gateway.Tests.Infrastructure;

/// <summary>Temporary files the tests write (as root: the tests run as root, like the gateway).</summary>
public static class TestFiles
{
    public static string NewDirectory() => Directory.CreateTempSubdirectory("spankqrun-gateway-").FullName;

    /// <summary>Writes <paramref name="content"/> with <paramref name="mode"/> (default 0600).</summary>
    public static string Write(string directory, string name, string content, UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, content);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, mode);
        return path;
    }

    public static string SamplerInput => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "sampler_input.json"));
}

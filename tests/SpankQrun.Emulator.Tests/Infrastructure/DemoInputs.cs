namespace SpankQrun.Emulator.Tests.Infrastructure;

/// <summary>Upstream's demo PUBs documents, copied into TestData.</summary>
public static class DemoInputs
{
    public static string Sampler => Read("sampler_input.json");

    public static string Estimator => Read("estimator_input.json");

    private static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", name));
}

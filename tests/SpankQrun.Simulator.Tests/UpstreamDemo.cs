namespace SpankQrun.Simulator.Tests;

/// <summary>The two PUBs inputs that shipped with upstream's demo jobs (read-only shared data).</summary>
internal static class UpstreamDemo
{
    private const string Directory = "/work/shared/data/upstream-demo";

    public static byte[] SamplerInput => File.ReadAllBytes(Locate("sampler_input.json"));

    public static byte[] EstimatorInput => File.ReadAllBytes(Locate("estimator_input.json"));

    private static string Locate(string name)
    {
        var copied = Path.Combine(AppContext.BaseDirectory, "TestData", name);
        return File.Exists(copied) ? copied : Path.Combine(Directory, name);
    }
}

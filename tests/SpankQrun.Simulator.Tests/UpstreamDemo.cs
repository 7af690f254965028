namespace SpankQrun.Simulator.Tests;

/// <summary>The two PUBs inputs that shipped with upstream's demo jobs (tests/data/upstream-demo, copied to TestData/ in the output).</summary>
internal static class UpstreamDemo
{
    public static byte[] SamplerInput => File.ReadAllBytes(Locate("sampler_input.json"));

    public static byte[] EstimatorInput => File.ReadAllBytes(Locate("estimator_input.json"));

    private static string Locate(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);
}

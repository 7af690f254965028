using System.Globalization;

namespace SpankQrun.Simulator.Tests.Execution;

/// <summary>
/// The ideal distribution of upstream's sampler demo circuit (meas[k] measures $9, $31, $30, $92, $17, $47, $78), worked
/// out independently with a dense reference: $9 and $78 are RY(π/8)-like (P(1) = sin²(π/16)), $47 RY(π/4)-like
/// (P(1) = sin²(π/8)), $31 and $92 are never touched (always 0), and the ECR-entangled pair $30/$17 (bits 2 and 4)
/// gives 00 with 5/8 and each of 01, 10, 11 with 1/8.
/// </summary>
internal static class SamplerDemoExpectation
{
    private static readonly double[] BitProbabilities =
        [Math.Pow(Math.Sin(Math.PI / 16), 2), 0, 0.25, 0, 0.25, Math.Pow(Math.Sin(Math.PI / 8), 2), Math.Pow(Math.Sin(Math.PI / 16), 2)];

    public static void AssertPlausible(IReadOnlyDictionary<string, int> counts)
    {
        var shots = counts.Values.Sum();
        var values = counts.ToDictionary(pair => Convert.ToInt32(pair.Key[2..], 16), pair => pair.Value);
        for (var bit = 0; bit < BitProbabilities.Length; bit++)
        {
            var ones = values.Where(pair => ((pair.Key >> bit) & 1) == 1).Sum(pair => pair.Value);
            AssertNear(BitProbabilities[bit], ones, shots, $"bit {bit}");
        }

        var bothEntangled = values.Where(pair => (pair.Key & 0b10100) == 0b10100).Sum(pair => pair.Value);
        AssertNear(0.125, bothEntangled, shots, "bits 2 and 4 both set");
        Assert.True(values.Keys.All(value => value < 128), "no value wider than 7 bits");
    }

    /// <summary>The observed count is within 5 binomial standard deviations of p·shots (exactly 0 when p = 0).</summary>
    private static void AssertNear(double probability, int observed, int shots, string what)
    {
        var tolerance = 5 * Math.Sqrt(shots * probability * (1 - probability));
        var expected = probability * shots;
        Assert.True(
            Math.Abs(observed - expected) <= tolerance,
            string.Create(CultureInfo.InvariantCulture, $"{what}: expected {expected:F0} ± {tolerance:F0} of {shots}, found {observed}"));
    }
}

namespace SpankQrun.Qrun.Tests.Infrastructure;

/// <summary>The upstream demo inputs shipped with the tests, and scratch files for others.</summary>
internal static class DemoInputs
{
    public static string Sampler => Path.Combine(AppContext.BaseDirectory, "Data", "upstream-demo", "sampler_input.json");

    public static string Estimator => Path.Combine(AppContext.BaseDirectory, "Data", "upstream-demo", "estimator_input.json");

    /// <summary>A Bell-state sampler input with one 7-qubit register; runs on fake_lagos in milliseconds.</summary>
    public const string SmallSampler =
        """{"pubs":[["OPENQASM 3.0; include \"stdgates.inc\"; bit[2] meas; rz(pi/2) $0; sx $0; rz(pi/2) $0; cx $0, $1; meas[0] = measure $0; meas[1] = measure $1;",[],64]],"version":2,"support_qiskit":false}""";
}

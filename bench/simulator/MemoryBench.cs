using System.Diagnostics;
using System.Globalization;
using System.Text;
using SpankQrun.Primitives;

namespace SpankQrun.Simulator.Bench;

/// <summary>
/// Peak resident memory of one sampler and one estimator job against the state they simulate (16 bytes per
/// amplitude). Peak RSS is per process, so run this section alone: run.sh memory.
/// </summary>
internal static class MemoryBench
{
    public static void Run(int qubits)
    {
        var invariant = CultureInfo.InvariantCulture;
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var baseline = process.PeakWorkingSet64;
        var stateBytes = 16L << qubits;
        var circuit = new StringBuilder($"OPENQASM 3.0; include \\\"stdgates.inc\\\"; qubit[{qubits}] q; bit[{qubits}] c; h q;");
        for (var i = 0; i + 1 < qubits; i++)
        {
            circuit.Append(CultureInfo.InvariantCulture, $" cx q[{i}], q[{i + 1}]; rz(0.{i + 1}) q[{i + 1}];");
        }

        var label = new string('Z', qubits);
        var jobs = new[]
        {
            (PrimitiveKind.Sampler, $"{{\"pubs\":[[\"{circuit} c = measure q;\", [], 10000]],\"version\":2}}"),
            (PrimitiveKind.Estimator, $"{{\"pubs\":[[\"{circuit}\", {{\"{label}\": 1.0}}]],\"version\":2}}"),
        };
        foreach (var (kind, json) in jobs)
        {
            var execution = PrimitiveExecutor.Execute(kind, Encoding.UTF8.GetBytes(json), new PrimitiveExecutionOptions(Seed: 1), CancellationToken.None);
            if (!execution.Succeeded)
            {
                throw new InvalidOperationException(execution.FailureMessage);
            }

            GC.Collect();
            process.Refresh();
            var peak = process.PeakWorkingSet64;
            var budget = (1.2 * stateBytes) + (64L << 20) + baseline;
            Console.WriteLine(string.Create(invariant, $"memory: {kind.ToProgramId(),-9} {qubits} qubits, state {stateBytes >> 20} MiB: process peak {peak >> 20} MiB, {(peak - baseline) >> 20} MiB above the {baseline >> 20} MiB before the jobs  (target <= 1.2 x state + 64 MiB above it: {(peak <= budget ? "met" : "NOT met")})"));
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using SpankQrun.Simulator.Kernels;

namespace SpankQrun.Simulator.Bench;

/// <summary>
/// The same random circuit on one thread and on every core, in one run: gate by gate, fused as jobs run it, and the
/// C kernel built with OpenMP on the same gates (what more cores give on this machine at the time of the run).
/// </summary>
internal static class ThreadsBench
{
    public static void Run(int[] qubitCounts, string? openMpKernel)
    {
        var invariant = CultureInfo.InvariantCulture;
        var cores = Environment.ProcessorCount;
        foreach (var qubits in qubitCounts)
        {
            var gates = Math.Max(30, (int)Math.Min(100_000, (1L << 27) >> qubits));
            var circuit = RandomCircuit.Create(qubits, gates, seed: qubits);
            foreach (var fused in new[] { false, true })
            {
                var single = Best(qubits, circuit, 1, fused);
                var all = Best(qubits, circuit, cores, fused);
                var target = qubits >= 20 ? $"  (target >= 1.8x: {(single / all >= 1.8 ? "met" : "NOT met")})" : "";
                Console.WriteLine(string.Create(invariant, $"threads: {qubits,2} qubits, {gates} gates (U / rz / cx), {(fused ? "fused (as jobs run)" : "gate by gate")}: 1 thread {single:F1} ms, {cores} threads {all:F1} ms = {single / all:F2}x{target}"));
            }

            if (openMpKernel is not null)
            {
                var (cSingle, _) = ReferenceBench.RunC(openMpKernel, qubits, circuit, repeats: 3, threads: 1);
                var (cAll, _) = ReferenceBench.RunC(openMpKernel, qubits, circuit, repeats: 3, threads: cores);
                Console.WriteLine(string.Create(invariant, $"threads: {qubits,2} qubits, the C kernel (OpenMP) on the same gates: 1 thread {cSingle:F1} ms, {cores} threads {cAll:F1} ms = {cSingle / cAll:F2}x (baseline: what this machine gives)"));
            }
        }
    }

    private static double Best(int qubits, List<Binding.Instruction> circuit, int threads, bool fused)
    {
        using var state = new StateVector(qubits, threads);
        var best = double.MaxValue;
        for (var repeat = 0; repeat < 3; repeat++)
        {
            state.ResetToZero();
            var stopwatch = Stopwatch.StartNew();
            BenchRunner.Apply(state, circuit, threads, fused);
            best = Math.Min(best, stopwatch.Elapsed.TotalMilliseconds);
        }

        return best;
    }
}

using System.Diagnostics;
using System.Globalization;
using SpankQrun.Simulator.Kernels;

namespace SpankQrun.Simulator.Bench;

/// <summary>The same random circuit on one thread and on every core, in one run.</summary>
internal static class ThreadsBench
{
    public static void Run(int[] qubitCounts)
    {
        var invariant = CultureInfo.InvariantCulture;
        var cores = Environment.ProcessorCount;
        foreach (var qubits in qubitCounts)
        {
            var gates = Math.Max(30, (int)Math.Min(100_000, (1L << 27) >> qubits));
            var circuit = RandomCircuit.Create(qubits, gates, seed: qubits);
            var single = Best(qubits, circuit, 1);
            var all = Best(qubits, circuit, cores);
            Console.WriteLine(string.Create(invariant, $"threads: {qubits,2} qubits, {gates} gates (U / rz / cx): 1 thread {single:F1} ms, {cores} threads {all:F1} ms = {single / all:F2}x{(qubits >= 20 ? $"  (target >= 1.8x: {(single / all >= 1.8 ? "met" : "NOT met")})" : "")}"));
        }
    }

    private static double Best(int qubits, List<Binding.Instruction> circuit, int threads)
    {
        var state = new StateVector(qubits, threads);
        var best = double.MaxValue;
        for (var repeat = 0; repeat < 3; repeat++)
        {
            state.ResetToZero();
            var stopwatch = Stopwatch.StartNew();
            BenchRunner.Apply(state, circuit, threads, fused: false);
            best = Math.Min(best, stopwatch.Elapsed.TotalMilliseconds);
        }

        return best;
    }
}

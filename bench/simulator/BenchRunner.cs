using SpankQrun.Simulator.Binding;
using SpankQrun.Simulator.Kernels;

namespace SpankQrun.Simulator.Bench;

/// <summary>How the benches apply a gate sequence: gate by gate, on a given number of threads.</summary>
internal static class BenchRunner
{
    public static void Apply(StateVector state, List<Instruction> instructions, int threads, bool fused)
    {
        if (state.Threads != threads)
        {
            throw new ArgumentException($"the state runs on {state.Threads} thread(s), not {threads}", nameof(threads));
        }

        if (fused)
        {
            Execution.CircuitRunner.ApplyUnitaries(state, instructions, 0, instructions.Count, CancellationToken.None);
            return;
        }

        foreach (var instruction in instructions)
        {
            state.Apply(instruction);
        }
    }
}

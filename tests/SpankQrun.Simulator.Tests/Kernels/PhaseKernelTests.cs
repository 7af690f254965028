using System.Numerics;
using SpankQrun.Simulator.Binding;
using SpankQrun.Simulator.Kernels;

namespace SpankQrun.Simulator.Tests.Kernels;

public sealed class PhaseKernelTests
{
    public static TheoryData<string> Paths => [nameof(KernelPath.Auto), nameof(KernelPath.Vector128), nameof(KernelPath.Scalar)];

    [Theory]
    [MemberData(nameof(Paths))]
    public void ApplyPhase_EveryPlacementOfOneToThreeQubits_MatchesControlledDiagonalReference(string path)
    {
        var random = new Random(31);
        var kernelPath = Enum.Parse<KernelPath>(path);
        for (var qubits = 1; qubits <= 7; qubits++)
        {
            for (var a = 0; a < qubits; a++)
            {
                Check(random, kernelPath, qubits, [a]);
                for (var b = 0; b < qubits; b++)
                {
                    if (b != a)
                    {
                        Check(random, kernelPath, qubits, [a, b]);
                        var c = (Math.Max(a, b) + 1) % qubits;
                        if (c != a && c != b)
                        {
                            Check(random, kernelPath, qubits, [a, b, c]);
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void ApplyPhase_TwoAndThreeThreads_BitForBitAsOneThread()
    {
        var random = new Random(32);
        const int Qubits = StateKernels.MinParallelQubits;
        int[][] placements = [[0], [1], [Qubits - 1], [0, 5], [3, Qubits - 1], [1, 2, 9]];
        foreach (var qubits in placements)
        {
            var phase = Complex.FromPolarCoordinates(1, random.NextDouble() * 6);
            var initial = KernelReference.RandomState(random, Qubits);
            var single = KernelReference.Guarded(initial);
            StateKernels.ApplyPhase(KernelReference.Inner(single), qubits, phase, KernelPath.Auto, threads: 1);
            foreach (var threads in new[] { 2, 3 })
            {
                var threaded = KernelReference.Guarded(initial);
                StateKernels.ApplyPhase(KernelReference.Inner(threaded), qubits, phase, KernelPath.Auto, threads);
                KernelReference.AssertGuardsIntact(threaded);
                Assert.True(single.AsSpan().SequenceEqual(threaded), $"qubits {string.Join(",", qubits)}: {threads} threads differ from one");
            }
        }
    }

    [Fact]
    public void ApplyPhase_RepeatedQubit_Throws()
    {
        var state = new Complex[8];

        Assert.Throws<ArgumentException>(() => StateKernels.ApplyPhase(state, [1, 1], Complex.ImaginaryOne));
    }

    [Fact]
    public void StateVectorApply_ControlledPhase_ChangesOnlyTheAmplitudesWithBothBitsSet()
    {
        using var state = new StateVector(3, threads: 1);
        var initial = KernelReference.RandomState(new Random(33), 3);
        initial.CopyTo(state.Amplitudes);

        state.Apply(Instruction.Controlled(0, 2, Matrix2.Phase(0.7)));

        for (var i = 0; i < 8; i++)
        {
            if ((i & 0b101) != 0b101)
            {
                Assert.Equal(initial[i], state.Amplitudes[i]);
                continue;
            }

            // The vector paths multiply with fused multiply-adds: the last bit may differ from Complex's product.
            var difference = (initial[i] * Complex.FromPolarCoordinates(1, 0.7)) - state.Amplitudes[i];
            Assert.True(Complex.Abs(difference) <= KernelReference.PathTolerance, $"amplitude {i} differs by {difference}");
        }
    }

    private static void Check(Random random, KernelPath path, int qubits, int[] placement)
    {
        var phase = Complex.FromPolarCoordinates(1, random.NextDouble() * 6);
        var state = KernelReference.RandomState(random, qubits);
        var guarded = KernelReference.Guarded(state);

        StateKernels.ApplyPhase(KernelReference.Inner(guarded), placement, phase, path);
        KernelReference.ApplyControlled(state, placement[1..], placement[0], Matrix2.Diagonal(1, phase));

        KernelReference.AssertGuardsIntact(guarded);
        KernelReference.AssertClose(state, KernelReference.Inner(guarded), $"{path}: {qubits} qubits, phase on {string.Join(",", placement)}");
    }
}

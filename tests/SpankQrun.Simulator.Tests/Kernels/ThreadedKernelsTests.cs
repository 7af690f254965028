using System.Numerics;
using SpankQrun.Simulator.Binding;
using SpankQrun.Simulator.Kernels;

namespace SpankQrun.Simulator.Tests.Kernels;

/// <summary>Threaded passes split the pairs into ranges; every amplitude must come out bit for bit as on one thread.</summary>
public sealed class ThreadedKernelsTests
{
    private const int Qubits = StateKernels.MinParallelQubits;

    public static TheoryData<string, string> FamiliesAndPaths
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var family in new[] { "general", "diagonal", "x" })
            {
                foreach (var path in Enum.GetNames<KernelPath>())
                {
                    data.Add(family, path);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(FamiliesAndPaths))]
    public void ApplySingleQubit_TwoAndThreeThreads_BitForBitAsOneThread(string family, string path)
    {
        var random = new Random(21);
        var kernelPath = Enum.Parse<KernelPath>(path);
        for (var target = 0; target < Qubits; target++)
        {
            var matrix = KernelReference.RandomMatrix(random, family);
            var initial = KernelReference.RandomState(random, Qubits);
            AssertSameOnAnyThreads(initial, threads => Apply(threads, [], target, matrix, kernelPath));
        }
    }

    [Theory]
    [MemberData(nameof(FamiliesAndPaths))]
    public void ApplyControlled_TwoAndThreeThreads_BitForBitAsOneThread(string family, string path)
    {
        var random = new Random(22);
        var kernelPath = Enum.Parse<KernelPath>(path);
        int[][] controlSets = [[0], [1], [Qubits - 1], [0, Qubits - 1], [2, 5]];
        foreach (var controls in controlSets)
        {
            foreach (var target in new[] { 0, 3, 4, Qubits - 2 }.Except(controls))
            {
                var matrix = KernelReference.RandomMatrix(random, family);
                var initial = KernelReference.RandomState(random, Qubits);
                AssertSameOnAnyThreads(initial, threads => Apply(threads, controls, target, matrix, kernelPath));
            }
        }
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(0, Qubits - 1)]
    [InlineData(Qubits - 2, Qubits - 1)]
    public void ApplySwap_TwoAndThreeThreads_BitForBitAsOneThread(int first, int second)
    {
        var initial = KernelReference.RandomState(new Random(23), Qubits);
        foreach (var path in Enum.GetValues<KernelPath>())
        {
            AssertSameOnAnyThreads(initial, threads => (state => StateKernels.ApplyTwoQubit(state, first, second, SwapGate.Create(), path, threads)));
        }
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(2, 1)]
    [InlineData(0, Qubits - 1)]
    [InlineData(Qubits - 1, Qubits - 2)]
    public void ApplyDense_TwoAndThreeThreads_BitForBitAsOneThread(int first, int second)
    {
        var initial = KernelReference.RandomState(new Random(29), Qubits);
        var matrix = StateKernelsTests.RandomMatrix4(new Random(first * 100 + second));
        foreach (var path in Enum.GetValues<KernelPath>())
        {
            AssertSameOnAnyThreads(initial, threads => (state => StateKernels.ApplyTwoQubit(state, first, second, DenseTwoQubitGate.Create(matrix), path, threads)));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(Qubits - 1)]
    public void ApplyPivotDiagonal_TwoAndThreeThreads_BitForBitAsOneThread(int pivot)
    {
        var random = new Random(31 + pivot);
        var initial = KernelReference.RandomState(random, Qubits);
        var block = new PivotDiagonal(pivot, Qubits, KernelReference.RandomMatrix(random, "general"));
        for (var qubit = 0; qubit < Qubits; qubit++)
        {
            if (qubit != pivot)
            {
                block.Add(Instruction.Controlled(qubit, pivot, Matrix2.Phase(random.NextDouble() * 6)));
                block.Add(Instruction.Unitary(qubit, Matrix2.RZ(random.NextDouble() * 6)));
            }
        }

        foreach (var path in Enum.GetValues<KernelPath>())
        {
            AssertSameOnAnyThreads(initial, threads => (state => StateKernels.ApplyPivotDiagonal(state, block, path, threads)));
        }
    }

    [Fact]
    public void ThreadsFor_SmallStates_StayOnOneThread()
    {
        Assert.Equal(1, StateKernels.ThreadsFor(1 << (StateKernels.MinParallelQubits - 1), requested: 8));
        Assert.Equal(2, StateKernels.ThreadsFor(1 << StateKernels.MinParallelQubits, requested: 2));
        Assert.Equal(Environment.ProcessorCount, StateKernels.ThreadsFor(1 << StateKernels.MinParallelQubits, requested: 0));
    }

    private delegate void SpanAction(Span<Complex> state);

    private static SpanAction Apply(int threads, int[] controls, int target, Matrix2 matrix, KernelPath path) => state =>
    {
        switch (matrix)
        {
            case { IsPauliX: true }:
                Dispatch(state, controls, target, PauliXGate.Create(matrix), path, threads);
                break;
            case { IsDiagonal: true }:
                Dispatch(state, controls, target, DiagonalGate.Create(matrix), path, threads);
                break;
            default:
                Dispatch(state, controls, target, GeneralGate.Create(matrix), path, threads);
                break;
        }
    };

    private static void Dispatch<TGate>(Span<Complex> state, int[] controls, int target, TGate gate, KernelPath path, int threads)
        where TGate : struct, IAmplitudePairOperator<TGate>
    {
        if (controls.Length == 0)
        {
            StateKernels.ApplySingleQubit(state, target, gate, path, threads);
        }
        else
        {
            StateKernels.ApplyControlled(state, controls, target, gate, path, threads);
        }
    }

    private static void AssertSameOnAnyThreads(Complex[] initial, Func<int, SpanAction> applyOn)
    {
        var single = KernelReference.Guarded(initial);
        applyOn(1)(KernelReference.Inner(single));
        foreach (var threads in new[] { 2, 3 })
        {
            var threaded = KernelReference.Guarded(initial);
            applyOn(threads)(KernelReference.Inner(threaded));
            KernelReference.AssertGuardsIntact(threaded);
            Assert.True(single.AsSpan().SequenceEqual(threaded), $"{threads} threads differ from one thread");
        }
    }
}

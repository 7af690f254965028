using System.Numerics;
using SpankQrun.Simulator.Binding;
using SpankQrun.Simulator.Kernels;

namespace SpankQrun.Simulator.Tests.Kernels;

public sealed class StateKernelsTests
{
    private const int MaxQubits = 10;

    public static TheoryData<string> Paths => [nameof(KernelPath.Auto), nameof(KernelPath.Vector128), nameof(KernelPath.Scalar)];

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
    public void ApplySingleQubit_EveryQubitCountAndTarget_MatchesReference(string family, string path)
    {
        var random = new Random(1);
        for (var qubits = 1; qubits <= MaxQubits; qubits++)
        {
            for (var target = 0; target < qubits; target++)
            {
                var matrix = KernelReference.RandomMatrix(random, family);
                var state = KernelReference.RandomState(random, qubits);
                var guarded = KernelReference.Guarded(state);

                ApplyPair(KernelReference.Inner(guarded), [], target, matrix, Enum.Parse<KernelPath>(path));
                KernelReference.ApplyControlled(state, [], target, matrix);

                KernelReference.AssertGuardsIntact(guarded);
                KernelReference.AssertClose(state, KernelReference.Inner(guarded), $"{family}/{path}: {qubits} qubits, target {target}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(FamiliesAndPaths))]
    public void ApplyControlled_EveryControlAndTargetPosition_MatchesReference(string family, string path)
    {
        var random = new Random(2);
        for (var qubits = 2; qubits <= MaxQubits; qubits++)
        {
            for (var control = 0; control < qubits; control++)
            {
                for (var target = 0; target < qubits; target++)
                {
                    if (control != target)
                    {
                        CheckControlled(random, family, Enum.Parse<KernelPath>(path), qubits, [control], target);
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void ApplyControlled_EveryTwoControlPlacement_MatchesReference(string path)
    {
        var random = new Random(3);
        for (var qubits = 3; qubits <= 8; qubits++)
        {
            for (var c0 = 0; c0 < qubits; c0++)
            {
                for (var c1 = 0; c1 < qubits; c1++)
                {
                    for (var target = 0; target < qubits; target++)
                    {
                        if (c0 != c1 && c0 != target && c1 != target)
                        {
                            CheckControlled(random, "general", Enum.Parse<KernelPath>(path), qubits, [c0, c1], target);
                        }
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void ApplyTwoQubitSwap_EveryPairOfPositions_MatchesReference(string path)
    {
        var random = new Random(4);
        for (var qubits = 2; qubits <= MaxQubits; qubits++)
        {
            for (var first = 0; first < qubits; first++)
            {
                for (var second = 0; second < qubits; second++)
                {
                    if (first == second)
                    {
                        continue;
                    }

                    var state = KernelReference.RandomState(random, qubits);
                    var guarded = KernelReference.Guarded(state);

                    StateKernels.ApplyTwoQubit(KernelReference.Inner(guarded), first, second, SwapGate.Create(), Enum.Parse<KernelPath>(path));
                    KernelReference.ApplySwap(state, first, second);

                    KernelReference.AssertGuardsIntact(guarded);
                    KernelReference.AssertClose(state, KernelReference.Inner(guarded), $"swap/{path}: {qubits} qubits, {first} and {second}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void ApplyTwoQubitDense_EveryPairOfPositions_MatchesReference(string path)
    {
        var random = new Random(8);
        for (var qubits = 2; qubits <= MaxQubits; qubits++)
        {
            for (var first = 0; first < qubits; first++)
            {
                for (var second = 0; second < qubits; second++)
                {
                    if (first == second)
                    {
                        continue;
                    }

                    var matrix = RandomMatrix4(random);
                    var state = KernelReference.RandomState(random, qubits);
                    var guarded = KernelReference.Guarded(state);

                    StateKernels.ApplyTwoQubit(KernelReference.Inner(guarded), first, second, DenseTwoQubitGate.Create(matrix), Enum.Parse<KernelPath>(path));
                    KernelReference.ApplyDense(state, first, second, matrix);

                    KernelReference.AssertGuardsIntact(guarded);
                    KernelReference.AssertClose(state, KernelReference.Inner(guarded), $"dense/{path}: {qubits} qubits, {first} and {second}");
                }
            }
        }
    }

    /// <summary>A random two-qubit unitary (every element non-zero in general), built by <see cref="Matrix4.ApplyAfter"/> from random gates.</summary>
    internal static Matrix4 RandomMatrix4(Random random)
    {
        var matrix = Matrix4.Identity();
        matrix.ApplyAfter(Instruction.Unitary(3, KernelReference.RandomMatrix(random, "general")), 3, 5);
        matrix.ApplyAfter(Instruction.Unitary(5, KernelReference.RandomMatrix(random, "general")), 3, 5);
        matrix.ApplyAfter(Instruction.Controlled(3, 5, KernelReference.RandomMatrix(random, "general")), 3, 5);
        matrix.ApplyAfter(Instruction.Swap(3, 5), 3, 5);
        matrix.ApplyAfter(Instruction.Controlled(5, 3, KernelReference.RandomMatrix(random, "general")), 3, 5);
        matrix.ApplyAfter(Instruction.Unitary(3, KernelReference.RandomMatrix(random, "general")), 3, 5);
        return matrix;
    }

    [Fact]
    public void ApplySingleQubit_TargetOutsideState_Throws()
    {
        var state = new Complex[4];

        Assert.Throws<ArgumentOutOfRangeException>(() => StateKernels.ApplySingleQubit(state, 2, GeneralGate.Create(Matrix2.H)));
    }

    [Fact]
    public void ApplySingleQubit_StateLengthNotPowerOfTwo_Throws()
    {
        var state = new Complex[6];

        Assert.Throws<ArgumentException>(() => StateKernels.ApplySingleQubit(state, 0, GeneralGate.Create(Matrix2.H)));
    }

    [Fact]
    public void ApplyControlled_ControlEqualToTarget_Throws()
    {
        var state = new Complex[4];

        Assert.Throws<ArgumentException>(() => StateKernels.ApplyControlled(state, [1], 1, PauliXGate.Create(Matrix2.X)));
    }

    private static void CheckControlled(Random random, string family, KernelPath path, int qubits, int[] controls, int target)
    {
        var matrix = KernelReference.RandomMatrix(random, family);
        var state = KernelReference.RandomState(random, qubits);
        var guarded = KernelReference.Guarded(state);

        ApplyPair(KernelReference.Inner(guarded), controls, target, matrix, path);
        KernelReference.ApplyControlled(state, controls, target, matrix);

        KernelReference.AssertGuardsIntact(guarded);
        KernelReference.AssertClose(state, KernelReference.Inner(guarded), $"{family}/{path}: {qubits} qubits, controls {string.Join(",", controls)}, target {target}");
    }

    private static void ApplyPair(Span<Complex> state, int[] controls, int target, Matrix2 matrix, KernelPath path)
    {
        switch (matrix)
        {
            case { IsPauliX: true }:
                Dispatch(state, controls, target, PauliXGate.Create(matrix), path);
                break;
            case { IsDiagonal: true }:
                Dispatch(state, controls, target, DiagonalGate.Create(matrix), path);
                break;
            default:
                Dispatch(state, controls, target, GeneralGate.Create(matrix), path);
                break;
        }
    }

    private static void Dispatch<TGate>(Span<Complex> state, int[] controls, int target, TGate gate, KernelPath path)
        where TGate : struct, IAmplitudePairOperator<TGate>
    {
        if (controls.Length == 0)
        {
            StateKernels.ApplySingleQubit(state, target, gate, path);
        }
        else
        {
            StateKernels.ApplyControlled(state, controls, target, gate, path);
        }
    }
}

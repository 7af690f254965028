using System.Numerics;
using SpankQrun.Simulator.Kernels;

namespace SpankQrun.Simulator.Tests.Kernels;

public sealed class PauliExpectationTests
{
    public static TheoryData<string> Paths => [nameof(KernelPath.Auto), nameof(KernelPath.Scalar)];

    [Theory]
    [MemberData(nameof(Paths))]
    public void PauliExpectation_EveryPauliStringUpToFourQubits_MatchesExplicitOperator(string path)
    {
        var random = new Random(7);
        for (var qubits = 1; qubits <= 4; qubits++)
        {
            // Each qubit takes I, X, Y or Z: every Pauli string on `qubits` qubits.
            for (var code = 0; code < 1 << (2 * qubits); code++)
            {
                var state = KernelReference.RandomState(random, qubits);
                var labels = Enumerable.Range(0, qubits).Select(qubit => "IXYZ"[(code >> (2 * qubit)) & 3]).ToArray();
                AssertMatches(state, labels, Enum.Parse<KernelPath>(path));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void PauliExpectation_RandomStringsOnLargerStates_MatchesExplicitOperator(string path)
    {
        var random = new Random(8);
        foreach (var qubits in new[] { 5, 7, 10 })
        {
            for (var repeat = 0; repeat < 40; repeat++)
            {
                var state = KernelReference.RandomState(random, qubits);
                var labels = Enumerable.Range(0, qubits).Select(_ => "IXYZ"[random.Next(4)]).ToArray();
                AssertMatches(state, labels, Enum.Parse<KernelPath>(path));
            }
        }
    }

    private static void AssertMatches(Complex[] amplitudes, char[] labels, KernelPath path)
    {
        int xMask = 0, zMask = 0, yCount = 0;
        for (var qubit = 0; qubit < labels.Length; qubit++)
        {
            xMask |= labels[qubit] is 'X' or 'Y' ? 1 << qubit : 0;
            zMask |= labels[qubit] is 'Z' or 'Y' ? 1 << qubit : 0;
            yCount += labels[qubit] == 'Y' ? 1 : 0;
        }

        using var state = new StateVector(labels.Length);
        amplitudes.CopyTo(state.Amplitudes);

        var expected = ExplicitExpectation(amplitudes, labels);
        var actual = state.PauliExpectation(xMask, zMask, yCount, path);

        Assert.True(Math.Abs(expected - actual) < 1e-10, $"{new string([.. labels.Reverse()])} ({path}): expected {expected}, got {actual}");
    }

    /// <summary>⟨ψ|P|ψ⟩ by applying each qubit's Pauli matrix to a copy of ψ, one qubit at a time.</summary>
    private static double ExplicitExpectation(Complex[] state, char[] labels)
    {
        var applied = (Complex[])state.Clone();
        for (var qubit = 0; qubit < labels.Length; qubit++)
        {
            var next = new Complex[applied.Length];
            for (var i = 0; i < applied.Length; i++)
            {
                var bit = (i >> qubit) & 1;
                var flipped = i ^ (1 << qubit);
                next[i] = labels[qubit] switch
                {
                    'X' => applied[flipped],
                    'Y' => (bit == 0 ? -Complex.ImaginaryOne : Complex.ImaginaryOne) * applied[flipped],
                    'Z' => bit == 0 ? applied[i] : -applied[i],
                    _ => applied[i],
                };
            }

            applied = next;
        }

        var sum = Complex.Zero;
        for (var i = 0; i < state.Length; i++)
        {
            sum += Complex.Conjugate(state[i]) * applied[i];
        }

        Assert.True(Math.Abs(sum.Imaginary) < 1e-9, "a Pauli string is Hermitian, so its expectation is real");
        return sum.Real;
    }
}

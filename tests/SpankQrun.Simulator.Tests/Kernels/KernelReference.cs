using System.Numerics;
using SpankQrun.Simulator.Binding;

namespace SpankQrun.Simulator.Tests.Kernels;

/// <summary>Naive index-by-index gate application, written independently of the kernels, plus seeded test data.</summary>
internal static class KernelReference
{
    /// <summary>Paths must agree to this absolute tolerance per amplitude component (amplitudes are O(1)).</summary>
    public const double PathTolerance = 1e-12;

    public const int GuardLength = 8;

    public static readonly Complex Sentinel = new(12345.0, -6789.0);

    public static void ApplyControlled(Complex[] state, int[] controls, int target, Matrix2 matrix)
    {
        var controlMask = controls.Aggregate(0, (mask, control) => mask | (1 << control));
        for (var i = 0; i < state.Length; i++)
        {
            if ((i & (1 << target)) == 0 && (i & controlMask) == controlMask)
            {
                var j = i | (1 << target);
                var (a0, a1) = (state[i], state[j]);
                state[i] = (matrix.M00 * a0) + (matrix.M01 * a1);
                state[j] = (matrix.M10 * a0) + (matrix.M11 * a1);
            }
        }
    }

    public static void ApplySwap(Complex[] state, int first, int second)
    {
        for (var i = 0; i < state.Length; i++)
        {
            if ((i & (1 << first)) != 0 && (i & (1 << second)) == 0)
            {
                var j = i ^ (1 << first) ^ (1 << second);
                (state[i], state[j]) = (state[j], state[i]);
            }
        }
    }

    /// <summary>out[r] = Σc m[r, c]·in[c] on every quad of amplitudes, index b0 + 2·b1 (b0 = bit of <paramref name="first"/>).</summary>
    public static void ApplyDense(Complex[] state, int first, int second, Matrix4 matrix)
    {
        var stride0 = 1 << first;
        var stride1 = 1 << second;
        for (var i = 0; i < state.Length; i++)
        {
            if ((i & (stride0 | stride1)) != 0)
            {
                continue;
            }

            int[] indices = [i, i | stride0, i | stride1, i | stride0 | stride1];
            var input = indices.Select(index => state[index]).ToArray();
            for (var r = 0; r < 4; r++)
            {
                var sum = Complex.Zero;
                for (var c = 0; c < 4; c++)
                {
                    sum += matrix[r, c] * input[c];
                }

                state[indices[r]] = sum;
            }
        }
    }

    public static Complex[] RandomState(Random random, int qubits)
    {
        var state = new Complex[1 << qubits];
        for (var i = 0; i < state.Length; i++)
        {
            state[i] = new Complex((random.NextDouble() * 2) - 1, (random.NextDouble() * 2) - 1);
        }

        return state;
    }

    public static Matrix2 RandomMatrix(Random random, string family) => family switch
    {
        "general" => Matrix2.U(random.NextDouble() * 6, random.NextDouble() * 6, random.NextDouble() * 6),
        "diagonal" => Matrix2.RZ(random.NextDouble() * 6),
        "x" => Matrix2.X,
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "expected general, diagonal or x"),
    };

    /// <summary>A copy of <paramref name="state"/> placed between sentinel guards, to detect writes outside the span.</summary>
    public static Complex[] Guarded(Complex[] state)
    {
        var buffer = new Complex[state.Length + (2 * GuardLength)];
        Array.Fill(buffer, Sentinel);
        state.CopyTo(buffer, GuardLength);
        return buffer;
    }

    public static Span<Complex> Inner(Complex[] guarded) => guarded.AsSpan(GuardLength, guarded.Length - (2 * GuardLength));

    public static void AssertGuardsIntact(Complex[] guarded)
    {
        for (var i = 0; i < GuardLength; i++)
        {
            Assert.Equal(Sentinel, guarded[i]);
            Assert.Equal(Sentinel, guarded[^(i + 1)]);
        }
    }

    public static void AssertClose(ReadOnlySpan<Complex> expected, ReadOnlySpan<Complex> actual, string context)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            var difference = expected[i] - actual[i];
            if (Math.Abs(difference.Real) > PathTolerance || Math.Abs(difference.Imaginary) > PathTolerance)
            {
                Assert.Fail($"{context}: amplitude {i} differs: expected {expected[i]}, found {actual[i]}");
            }
        }
    }
}

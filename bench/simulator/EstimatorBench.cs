using System.Globalization;
using System.Text;
using SpankQrun.Primitives;
using SpankQrun.Simulator.Kernels;

namespace SpankQrun.Simulator.Bench;

/// <summary>Estimator cost per parameter set at 100 and 30k sets, Pauli expectation cost, sampler cost per set.</summary>
internal static class EstimatorBench
{
    private const string Circuit =
        "OPENQASM 3.0; include \\\"stdgates.inc\\\"; input float[64] a; input float[64] b; qubit[8] q; " +
        "h q; rz(a) q[0]; cx q[0], q[1]; ry(b) q[2]; cx q[1], q[2]; cx q[2], q[3]; rz(a) q[4]; cx q[3], q[4]; cx q[4], q[5]; cx q[5], q[6]; rx(b) q[7]; cx q[6], q[7];";

    public static void Run()
    {
        var invariant = CultureInfo.InvariantCulture;
        var perSet = new Dictionary<(PrimitiveKind, int), double>();
        foreach (var kind in new[] { PrimitiveKind.Estimator, PrimitiveKind.Sampler })
        {
            Execute(kind, Input(kind, 10));
            foreach (var sets in new[] { 100, 1000, 30000 })
            {
                var input = Input(kind, sets);
                var (wall, cpu) = Timing.Best(Math.Clamp(30_000 / sets, 3, 30), () => Execute(kind, input));
                perSet[(kind, sets)] = cpu.TotalMicroseconds / sets;
                Console.WriteLine(string.Create(invariant, $"{kind.ToProgramId(),-9} 8 qubits, {sets,6} parameter sets: best {wall.TotalMilliseconds,8:F1} ms wall, {cpu.TotalMilliseconds,8:F1} ms CPU = {perSet[(kind, sets)],6:F1} us CPU per set"));
            }
        }

        var ratio = perSet[(PrimitiveKind.Estimator, 30000)] / perSet[(PrimitiveKind.Estimator, 100)];
        Console.WriteLine(string.Create(invariant, $"  estimator CPU per set at 30k / at 100: {ratio:F2}  (target <= 1.5: {(ratio <= 1.5 ? "met" : "NOT met")})"));

        const int Qubits = 16;
        using var state = new StateVector(Qubits);
        var random = new Random(3);
        for (var i = 0; i < state.Amplitudes.Length; i++)
        {
            state.Amplitudes[i] = new System.Numerics.Complex(random.NextDouble() - 0.5, random.NextDouble() - 0.5);
        }

        foreach (var (name, x, z, y) in new[] { ("ZZZZZZZZZZZZZZZZ", 0, 0xFFFF, 0), ("XYZIXYZIXYZIXYZI", 0b0110_0110_0110_0110 << 0, 0b1100_1100_1100_1100 >> 1 << 1, 8), ("IIIIIIIIIIIIIIIX", 1, 0, 0) })
        {
            var checksum = 0.0;
            for (var warm = 0; warm < 50; warm++)
            {
                checksum += state.PauliExpectation(x, z, y);
            }

            const int Repeats = 500;
            var (_, cpu) = Timing.Best(5, () =>
            {
                for (var repeat = 0; repeat < Repeats; repeat++)
                {
                    checksum += state.PauliExpectation(x, z, y);
                }
            });
            var perAmplitude = cpu.TotalNanoseconds / Repeats / state.Amplitudes.Length;
            var (_, scalarCpu) = Timing.Best(3, () =>
            {
                for (var repeat = 0; repeat < Repeats / 10; repeat++)
                {
                    checksum += state.PauliExpectation(x, z, y, KernelPath.Scalar);
                }
            });
            var scalarPerAmplitude = scalarCpu.TotalNanoseconds / (Repeats / 10) / state.Amplitudes.Length;
            Console.WriteLine(string.Create(invariant, $"Pauli expectation, {Qubits} qubits, {name}: {perAmplitude:F3} ns CPU per amplitude (scalar path {scalarPerAmplitude:F3})  (target <= 1 ns: {(perAmplitude <= 1 ? "met" : "NOT met")}; checksum {checksum:G6})"));
        }
    }

    private static void Execute(PrimitiveKind kind, byte[] input)
    {
        var execution = PrimitiveExecutor.Execute(kind, input, new PrimitiveExecutionOptions(Seed: 1), CancellationToken.None);
        if (!execution.Succeeded)
        {
            throw new InvalidOperationException(execution.FailureMessage);
        }
    }

    private static byte[] Input(PrimitiveKind kind, int sets)
    {
        var random = new Random(sets);
        var values = new StringBuilder("[");
        for (var set = 0; set < sets; set++)
        {
            values.Append(CultureInfo.InvariantCulture, $"{(set == 0 ? "" : ",")}[{random.NextDouble() * 6:R},{random.NextDouble() * 6:R}]");
        }

        values.Append(']');
        var pub = kind == PrimitiveKind.Estimator
            ? $"[\"{Circuit}\", {{\"ZZIIIIII\": 1.0}}, {values}]"
            : $"[\"{Circuit} bit[8] c; c = measure q;\", {values}, 16]";
        return Encoding.UTF8.GetBytes($"{{\"pubs\":[{pub}],\"version\":2}}");
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Text;
using SpankQrun.Simulator.Binding;
using SpankQrun.Simulator.Kernels;

namespace SpankQrun.Simulator.Bench;

/// <summary>
/// The simulator against the C reference kernel (reference/kernel.c: one gate per pass, AVX2, one thread) on the
/// same gate sequence, per gate family and qubit count; the final states' checksums must agree.
/// </summary>
internal static class ReferenceBench
{
    private static readonly string[] Families = Environment.GetEnvironmentVariable("BENCH_FAMILIES") is { Length: > 0 } f ? f.Split(',') : ["u", "rz", "p", "x", "cx", "cu", "cp", "swap"];

    public static void Run(string kernel, int[] qubitCounts, int threads, bool fused)
    {
        var invariant = CultureInfo.InvariantCulture;
        var cPages = Environment.GetEnvironmentVariable("BENCH_C_HUGEPAGES") == "1" ? "huge pages advised as the simulator's" : "plain aligned_alloc";
        Console.WriteLine(string.Create(invariant, $"C reference kernel (one gate per pass, AVX2, 1 thread, state in {cPages}) vs simulator ({(fused ? "fused, " : "")}{threads} thread(s)); ratio = C time / simulator time, >= 1.0 means the simulator is faster"));
        foreach (var qubits in qubitCounts)
        {
            var line = new StringBuilder(string.Create(invariant, $"  {qubits,2} qubits:"));
            foreach (var family in Families)
            {
                var gates = Math.Max(16, (int)Math.Min(200_000, (1L << 28) >> qubits));
                var instructions = Create(family, qubits, gates, seed: qubits * 31 + family.Length);
                var (cMs, ms, agree) = Compare(kernel, qubits, instructions, rounds: 3, threads, fused);
                line.Append(string.Create(invariant, $" {family} {cMs / ms:F2}x{(agree ? "" : "(CHECKSUM DIFFERS)")}"));
            }

            Console.WriteLine(line);
        }
    }

    public static List<Instruction> Create(string family, int qubits, int gates, int seed)
    {
        var random = new Random(seed);
        var instructions = new List<Instruction>(gates);
        for (var i = 0; i < gates; i++)
        {
            var target = random.Next(qubits);
            var other = (target + 1 + random.Next(qubits - 1)) % qubits;
            var angle = random.NextDouble() * 6;
            instructions.Add(family switch
            {
                "u" => Instruction.Unitary(target, Matrix2.U(angle, random.NextDouble() * 6, random.NextDouble() * 6)),
                "rz" => Instruction.Unitary(target, Matrix2.RZ(angle)),
                "p" => Instruction.Unitary(target, Matrix2.Phase(angle)),
                "x" => Instruction.Unitary(target, Matrix2.X),
                "cx" => Instruction.Controlled(other, target, Matrix2.X),
                "cu" => Instruction.Controlled(other, target, Matrix2.U(angle, random.NextDouble() * 6, random.NextDouble() * 6)),
                "cp" => Instruction.Controlled(other, target, Matrix2.Phase(angle)),
                _ => Instruction.Swap(target, other),
            });
        }

        return instructions;
    }

    /// <summary>Random-layer and QFT circuits: the C kernel gate by gate against the fused simulator.</summary>
    public static void RunCircuits(string kernel, int[] qubitCounts, int threads)
    {
        var invariant = CultureInfo.InvariantCulture;
        foreach (var qubits in qubitCounts)
        {
            foreach (var (name, circuit) in new[] { ("random layers", RandomLayers(qubits, layers: 10, seed: qubits)), ("qft", Qft(qubits)) })
            {
                // One round (two runs a side, as before the rounds): at 26 qubits the C kernel takes a minute a run, and
                // fused ratios of 3 and more do not hang on a slow spell.
                var (cMs, ms, agree) = Compare(kernel, qubits, circuit, rounds: 1, threads, fused: true);
                var ratio = cMs / ms;
                Console.WriteLine(string.Create(invariant, $"fusion: {qubits,2} qubits, {name} ({circuit.Count} gates): C per-gate {cMs:F0} ms, simulator fused on {(threads > 0 ? threads : Environment.ProcessorCount)} thread(s) {ms:F0} ms = {ratio:F2}x{(agree ? "" : " (CHECKSUM DIFFERS)")}{(qubits >= 20 ? $"  (target >= 1.5x: {(ratio >= 1.5 ? "met" : "NOT met")})" : "")}"));
            }
        }
    }

    /// <summary>Layers of a random U on every qubit, then CX on a random pairing of the qubits.</summary>
    public static List<Instruction> RandomLayers(int qubits, int layers, int seed)
    {
        var random = new Random(seed);
        var circuit = new List<Instruction>();
        for (var layer = 0; layer < layers; layer++)
        {
            for (var qubit = 0; qubit < qubits; qubit++)
            {
                circuit.Add(Instruction.Unitary(qubit, Matrix2.U(random.NextDouble() * 6, random.NextDouble() * 6, random.NextDouble() * 6)));
                circuit.Add(Instruction.Unitary(qubit, Matrix2.RZ(random.NextDouble() * 6)));
            }

            var order = Enumerable.Range(0, qubits).OrderBy(_ => random.Next()).ToArray();
            for (var k = 0; k + 1 < order.Length; k += 2)
            {
                circuit.Add(Instruction.Controlled(order[k], order[k + 1], Matrix2.X));
            }
        }

        return circuit;
    }

    /// <summary>The textbook QFT: H on each qubit, then controlled phases from the qubits below it.</summary>
    public static List<Instruction> Qft(int qubits)
    {
        var circuit = new List<Instruction>();
        for (var target = qubits - 1; target >= 0; target--)
        {
            circuit.Add(Instruction.Unitary(target, Matrix2.H));
            for (var control = target - 1; control >= 0; control--)
            {
                circuit.Add(Instruction.Controlled(control, target, Matrix2.Phase(Math.PI / (1 << Math.Min(30, target - control)))));
            }
        }

        return circuit;
    }

    /// <summary>
    /// The best time of the C kernel and of the simulator over <paramref name="rounds"/> rounds that take turns (C, then
    /// the simulator, then C again...), so that a slow spell on a shared machine falls on both sides rather than on
    /// one; and whether their final states' checksums agree. Each round runs each side twice on its state, as the first
    /// pass after the state is cleared is slower than the next (by about 20% for the C kernel at 22 qubits).
    /// </summary>
    private static (double CMs, double Ms, bool Agree) Compare(string kernel, int qubits, List<Instruction> instructions, int rounds, int threads, bool fused)
    {
        var (cBest, best) = (double.MaxValue, double.MaxValue);
        var agree = true;
        for (var round = 0; round < rounds; round++)
        {
            var (cMs, cChecksum) = RunC(kernel, qubits, instructions, repeats: 2);
            var (ms, checksum) = RunSimulator(qubits, instructions, repeats: 2, threads, fused);
            agree &= Complex.Abs(checksum - cChecksum) <= 1e-8 * Math.Max(1, Complex.Abs(cChecksum));
            (cBest, best) = (Math.Min(cBest, cMs), Math.Min(best, ms));
        }

        return (cBest, best, agree);
    }

    /// <summary>Runs the C kernel on <paramref name="instructions"/>; <paramref name="threads"/> above 1 needs the OpenMP build.</summary>
    public static (double Ms, Complex Checksum) RunC(string kernel, int qubits, List<Instruction> instructions, int repeats, int threads = 1)
    {
        var file = Path.GetTempFileName();
        try
        {
            using (var writer = new StreamWriter(file))
            {
                foreach (var instruction in instructions)
                {
                    var m = instruction.Matrix;
                    writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{(instruction.Kind == InstructionKind.Swap ? 1 : 0)} {instruction.Target} {instruction.Control0} {m.M00.Real:R} {m.M00.Imaginary:R} {m.M01.Real:R} {m.M01.Imaginary:R} {m.M10.Real:R} {m.M10.Imaginary:R} {m.M11.Real:R} {m.M11.Imaginary:R}"));
                }
            }

            var start = new ProcessStartInfo(kernel, [qubits.ToString(CultureInfo.InvariantCulture), file, repeats.ToString(CultureInfo.InvariantCulture), threads.ToString(CultureInfo.InvariantCulture)])
            {
                RedirectStandardOutput = true,
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var parts = output.Trim().Split(' ', '=');
            return (double.Parse(parts[1], CultureInfo.InvariantCulture),
                new Complex(double.Parse(parts[3], CultureInfo.InvariantCulture), double.Parse(parts[4], CultureInfo.InvariantCulture)));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static (double Ms, Complex Checksum) RunSimulator(int qubits, List<Instruction> instructions, int repeats, int threads, bool fused)
    {
        using var state = new StateVector(qubits, threads);
        var best = double.MaxValue;
        for (var repeat = 0; repeat < repeats; repeat++)
        {
            state.ResetToZero();
            var stopwatch = Stopwatch.StartNew();
            BenchRunner.Apply(state, instructions, threads, fused);
            best = Math.Min(best, stopwatch.Elapsed.TotalMilliseconds);
        }

        var checksum = Complex.Zero;
        var amplitudes = state.Amplitudes;
        for (var i = 0; i < amplitudes.Length; i++)
        {
            checksum += (i % 7 + 1) * amplitudes[i];
        }

        return (best, checksum);
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Runtime.Intrinsics;
using SpankQrun.Primitives;
using SpankQrun.Simulator;
using SpankQrun.Simulator.Bench;
using SpankQrun.Simulator.Kernels;

const int Qubits = 20;
const int Gates = 1000;
string[] sections = ["kernels", "estimator", "qasm", "reference", "threads", "fusion", "memory"];
if (args.Length < 1 || args.Skip(1).Any(section => !sections.Contains(section)))
{
    Console.Error.WriteLine($"usage: SpankQrun.Simulator.Bench DEMO_INPUT_DIR [{string.Join("|", sections)}...] (bench/simulator/run.sh passes the directory)");
    return 2;
}

var demoDirectory = args[0];
var chosen = args.Length > 1 ? args[1..] : sections.Where(section => section != "memory").ToArray();
var invariant = CultureInfo.InvariantCulture;
if (chosen.Contains("memory"))
{
    // First, while the process has allocated nothing large: peak RSS only ever grows.
    MemoryBench.Run(Environment.GetEnvironmentVariable("BENCH_MEMORY_QUBITS") is { Length: > 0 } memoryQubits ? int.Parse(memoryQubits, CultureInfo.InvariantCulture) : 24);
}
if (chosen.Contains("qasm"))
{
    FrontEndBench.Run();
}

if (chosen.Contains("estimator"))
{
    EstimatorBench.Run();
}

var qubitCounts = (Environment.GetEnvironmentVariable("BENCH_QUBITS") is { Length: > 0 } list ? list : "12,16,20,24")
    .Split(',').Select(text => int.Parse(text, CultureInfo.InvariantCulture)).ToArray();
if (chosen.Contains("reference"))
{
    var kernel = Environment.GetEnvironmentVariable("BENCH_C_KERNEL");
    if (kernel is null || !File.Exists(kernel))
    {
        Console.WriteLine("reference: BENCH_C_KERNEL is not set to the compiled reference/kernel.c (run.sh compiles it)");
    }
    else
    {
        ReferenceBench.Run(kernel, qubitCounts, threads: 1, fused: false);
    }
}

if (chosen.Contains("fusion") && Environment.GetEnvironmentVariable("BENCH_C_KERNEL") is { } cKernel && File.Exists(cKernel))
{
    var large = qubitCounts.Where(count => count >= 20).DefaultIfEmpty(20).ToArray();
    ReferenceBench.RunCircuits(cKernel, large, threads: 1);
    ReferenceBench.RunCircuits(cKernel, large, threads: 0);
}

if (chosen.Contains("threads"))
{
    ThreadsBench.Run(qubitCounts, Environment.GetEnvironmentVariable("BENCH_C_KERNEL_OPENMP") is { } openMp && File.Exists(openMp) ? openMp : null);
}

if (!chosen.Contains("kernels"))
{
    return 0;
}

Console.WriteLine(string.Create(invariant, $"simulator bench: {Environment.ProcessorCount} logical cores, single thread; Vector256 accelerated: {Vector256.IsHardwareAccelerated}, Vector128: {Vector128.IsHardwareAccelerated}"));
var circuit = RandomCircuit.Create(Qubits, Gates, seed: 2026);
var updates = RandomCircuit.AmplitudeUpdates(circuit, Qubits);
Console.WriteLine(string.Create(invariant, $"random circuit: {Qubits} qubits, {Gates} gates (U / rz / cx), {updates / 1e9:F3} G amplitude updates per run"));

var rates = new Dictionary<KernelPath, double>();
foreach (var path in new[] { KernelPath.Auto, KernelPath.Vector128, KernelPath.Scalar })
{
    using var state = new StateVector(Qubits, threads: 1);
    Run(state, circuit.GetRange(0, 60), path);
    var best = TimeSpan.MaxValue;
    for (var repeat = 0; repeat < 3; repeat++)
    {
        var stopwatch = Stopwatch.StartNew();
        Run(state, circuit, path);
        best = stopwatch.Elapsed < best ? stopwatch.Elapsed : best;
    }

    rates[path] = updates / best.TotalSeconds;
    Console.WriteLine(string.Create(invariant, $"  {path,-9} best of 3: {best.TotalMilliseconds,8:F1} ms  {rates[path] / 1e6,8:F1} M amplitude updates/s"));
}

Console.WriteLine(string.Create(invariant, $"  ratio Auto/Scalar: {rates[KernelPath.Auto] / rates[KernelPath.Scalar]:F2}x, Vector128/Scalar: {rates[KernelPath.Vector128] / rates[KernelPath.Scalar]:F2}x"));

foreach (var (file, kind) in new[] { ("sampler_input.json", PrimitiveKind.Sampler), ("estimator_input.json", PrimitiveKind.Estimator) })
{
    var path = Path.Combine(demoDirectory, file);
    if (!File.Exists(path))
    {
        Console.WriteLine($"upstream {file}: not found in {demoDirectory}");
        continue;
    }

    var input = File.ReadAllBytes(path);
    PrimitiveExecutor.Execute(kind, input, new PrimitiveExecutionOptions(Seed: 1), CancellationToken.None);
    var stopwatch = Stopwatch.StartNew();
    var execution = PrimitiveExecutor.Execute(kind, input, new PrimitiveExecutionOptions(Seed: 1), CancellationToken.None);
    var elapsed = stopwatch.Elapsed;
    Console.WriteLine(string.Create(invariant, $"upstream {file}: {(execution.Succeeded ? "ok" : "FAILED " + execution.FailureMessage)}, {elapsed.TotalMilliseconds:F1} ms ({execution.ResultJson?.Length ?? 0} bytes of results)"));
}

return 0;

static void Run(StateVector state, List<SpankQrun.Simulator.Binding.Instruction> instructions, KernelPath path)
{
    foreach (var instruction in instructions)
    {
        state.Apply(instruction, path);
    }
}

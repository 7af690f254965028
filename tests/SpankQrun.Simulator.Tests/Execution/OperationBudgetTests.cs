using System.Diagnostics;
using System.Text;
using SpankQrun.Primitives;
using SpankQrun.Simulator.Targets;

namespace SpankQrun.Simulator.Tests.Execution;

/// <summary>The operation budget counts every call, empty ones and calls of gate definitions included, and observes cancellation.</summary>
public sealed class OperationBudgetTests
{
    private static string NestedEmptyGates(int levels)
    {
        var qasm = new StringBuilder("OPENQASM 3.0;\ngate g0 q { gphase(0); }\n");
        for (var level = 1; level < levels; level++)
        {
            qasm.Append("gate g").Append(level).Append(" q {");
            for (var call = 0; call < 10; call++)
                qasm.Append(" g").Append(level - 1).Append(" q;");
            qasm.Append(" }\n");
        }

        return qasm.Append("g").Append(levels - 1).Append(" $0;\n").ToString();
    }

    [Fact]
    public void NestedEmptyGates_AreRefusedAtTheBudget()
    {
        var stopwatch = Stopwatch.StartNew();

        var execution = PrimitiveExecutor.Execute(PrimitiveKind.Sampler, Encoding.UTF8.GetBytes(Pubs.Sampler(NestedEmptyGates(10), shots: 1)),
            new PrimitiveExecutionOptions(MaxOperations: 1_000_000), CancellationToken.None);

        Assert.Equal(PrimitiveFailureCodes.TooLarge, execution.FailureCode);
        Assert.Contains("more than 1000000 operations", execution.FailureMessage);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void NestedEmptyGates_UnderAHugeBudget_StopWhenCancelled()
    {
        using var cancellation = new CancelLater(TimeSpan.FromMilliseconds(300));
        var stopwatch = Stopwatch.StartNew();

        Assert.ThrowsAny<OperationCanceledException>(() => PrimitiveExecutor.Execute(PrimitiveKind.Sampler,
            Encoding.UTF8.GetBytes(Pubs.Sampler(NestedEmptyGates(10), shots: 1)),
            new PrimitiveExecutionOptions(MaxOperations: long.MaxValue), cancellation.Token));
        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void Usage_IsShotsTimesTheAsapScheduleOfTheTargetsGateTimes()
    {
        // x on $0 (60) while cx waits for it, then cx $0,$1 (660), measure both (1400 each, in parallel).
        var qasm = Pubs.Header + "bit[2] c;\nx $0;\ncx $0, $1;\nc[0] = measure $0;\nc[1] = measure $1;\n";
        var target = new BackendTarget("t", 2, RepDelayNs: 1000);

        var execution = PrimitiveExecutor.Execute(PrimitiveKind.Sampler, Encoding.UTF8.GetBytes(Pubs.Sampler(qasm, shots: 10)),
            new PrimitiveExecutionOptions(Seed: 1, Target: target), CancellationToken.None);

        Assert.True(execution.Succeeded, execution.FailureMessage);
        Assert.Equal(10 * (60 + 660 + 1400), execution.Usage!.CircuitNanoseconds);
        Assert.Equal(10 * (60 + 660 + 1400 + 1000), execution.Usage.QuantumNanoseconds);
    }
}

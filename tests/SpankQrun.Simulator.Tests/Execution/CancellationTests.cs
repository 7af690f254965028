using System.Diagnostics;
using System.Text;
using SpankQrun.Primitives;

namespace SpankQrun.Simulator.Tests.Execution;

public sealed class CancellationTests
{
    [Fact]
    public void Execute_TokenCancelledDuringLongSimulation_StopsPromptly()
    {
        var qasm = new StringBuilder(Pubs.Header).Append("bit[1] c;\n");
        // Two-qubit gates between the one-qubit ones, so that gate fusion cannot shorten the run to a few passes.
        for (var gate = 0; gate < 20_000; gate++)
        {
            qasm.Append("h $").Append(gate % 22).Append(";\n");
            qasm.Append("cx $").Append(gate % 22).Append(", $").Append((gate + 1) % 22).Append(";\n");
        }

        qasm.Append("c[0] = measure $0;\n");
        using var cancellation = new CancelLater(TimeSpan.FromMilliseconds(200));
        var stopwatch = Stopwatch.StartNew();

        Assert.ThrowsAny<OperationCanceledException>(() => PrimitiveExecutor.Execute(
            PrimitiveKind.Sampler, Encoding.UTF8.GetBytes(Pubs.Sampler(qasm.ToString())), new PrimitiveExecutionOptions(), cancellation.Token));
        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Execute_EstimatorWithCancelledToken_ThrowsOperationCanceled()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => PrimitiveExecutor.Execute(
            PrimitiveKind.Estimator, UpstreamDemo.EstimatorInput, new PrimitiveExecutionOptions(), cancellation.Token));
    }
}

using SpankQrun.Primitives;
using SpankQrun.Simulator.Execution;

namespace SpankQrun.Simulator;

/// <summary>
/// The emulator's own front end without running anything: the PUBs document's shape, then every circuit parsed and
/// bound, then each PUB's parameter values against the circuit's input parameters. qrun runs it before it uploads.
/// </summary>
public static class PrimitiveChecker
{
    /// <summary>Every problem found, each naming its JSON path or PUB (and for circuits line and column); empty when valid.</summary>
    public static IReadOnlyList<string> Check(PrimitiveKind kind, ReadOnlySpan<byte> utf8Input)
    {
        var read = PubsReader.Read(utf8Input, kind);
        if (read.Document is not { } document)
        {
            return [.. read.Errors.Select(error => ExecutionMessages.InvalidInput(error.JsonPath, error.Message))];
        }

        var problems = new List<string>();
        IEnumerable<(int Index, string Circuit, ParameterArray Values)> pubs = kind == PrimitiveKind.Sampler
            ? document.SamplerPubs.Select(pub => (pub.Index, pub.Circuit, pub.ParameterValues))
            : document.EstimatorPubs.Select(pub => (pub.Index, pub.Circuit, pub.ParameterValues));
        foreach (var (index, text, values) in pubs)
        {
            try
            {
                var circuit = CompiledCircuit.Compile(index, text, int.MaxValue);
                ParameterValues.Read(index, values, circuit.Program.Parameters);
            }
            catch (PubFailureException failure)
            {
                problems.Add(failure.Message);
            }
        }

        return problems;
    }
}

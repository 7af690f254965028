using System.Text.Json;
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
        var errors = PubsValidator.Validate(utf8Input, kind);
        if (errors.Count > 0)
        {
            return [.. errors.Select(error => ExecutionMessages.InvalidInput(error.JsonPath, error.Message))];
        }

        var problems = new List<string>();
        using var document = JsonDocument.Parse(utf8Input.ToArray());
        var index = 0;
        foreach (var pub in document.RootElement.GetProperty("pubs").EnumerateArray())
        {
            try
            {
                var circuit = CompiledCircuit.Compile(index, pub[0].GetString()!, int.MaxValue);
                var valuesAt = kind == PrimitiveKind.Sampler ? 1 : 2;
                JsonElement? values = pub.GetArrayLength() > valuesAt && pub[valuesAt].ValueKind != JsonValueKind.Null ? pub[valuesAt] : null;
                ParameterValues.Read(index, values, circuit.Program.Parameters);
            }
            catch (PubFailureException failure)
            {
                problems.Add(failure.Message);
            }

            index++;
        }

        return problems;
    }
}

using System.Text.Json;
using System.Text.RegularExpressions;

namespace SpankQrun.Emulator.Jobs;

/// <summary>Rejects circuits that use physical qubits ($n) the backend does not have, naming line and column.</summary>
public static partial class PhysicalQubitCheck
{
    public static string? FindProblem(byte[] utf8Input, string backend, int numQubits)
    {
        using var document = JsonDocument.Parse(utf8Input);
        if (!document.RootElement.TryGetProperty("pubs", out var pubs) || pubs.ValueKind != JsonValueKind.Array)
            return null;

        var index = 0;
        foreach (var pub in pubs.EnumerateArray())
        {
            if (pub.ValueKind == JsonValueKind.Array && pub.GetArrayLength() > 0 && pub[0].ValueKind == JsonValueKind.String)
            {
                var circuit = pub[0].GetString()!;
                foreach (Match match in PhysicalQubit().Matches(circuit))
                {
                    if (!int.TryParse(match.Groups[1].ValueSpan, out var qubit) || qubit >= numQubits)
                    {
                        var (line, column) = Position(circuit, match.Index);
                        return EmulatorMessages.QubitNotOnBackend(index, line, column, match.Value, backend, numQubits);
                    }
                }
            }

            index++;
        }

        return null;
    }

    private static (int Line, int Column) Position(string text, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }

    [GeneratedRegex(@"\$([0-9]+)")]
    private static partial Regex PhysicalQubit();
}

using System.Text.Json;

namespace SpankQrun.Primitives;

/// <summary>Which primitive a PUBs document is written for, judged from the shape of its first PUB (for hints).</summary>
public static class PrimitiveGuess
{
    /// <summary>
    /// Estimator when the first PUB's second element holds observables (Pauli maps or labels, plain or encoded as an
    /// ObservablesArray) or the PUB has four elements; sampler when it has one element or numbers/null second;
    /// null when the document cannot tell.
    /// </summary>
    public static PrimitiveKind? Of(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 64 });
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("pubs", out var pubs) || pubs.ValueKind != JsonValueKind.Array
                || pubs.GetArrayLength() == 0 || pubs[0].ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var pub = pubs[0];
            return pub.GetArrayLength() switch
            {
                1 => PrimitiveKind.Sampler,
                4 => PrimitiveKind.Estimator,
                > 1 => OfSecondElement(pub[1]),
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static PrimitiveKind? OfSecondElement(JsonElement element)
    {
        var current = element;
        for (var depth = 0; depth < 64; depth++)
        {
            switch (current.ValueKind)
            {
                case JsonValueKind.String:
                    return PrimitiveKind.Estimator;
                case JsonValueKind.Object when current.TryGetProperty("__type__", out var type) && type.ValueKind == JsonValueKind.String:
                    return type.GetString() switch
                    {
                        "ObservablesArray" => PrimitiveKind.Estimator,
                        "ndarray" or "BindingsArray" => PrimitiveKind.Sampler,
                        _ => null,
                    };
                case JsonValueKind.Object:
                    return PrimitiveKind.Estimator;
                case JsonValueKind.Number or JsonValueKind.Null:
                    return PrimitiveKind.Sampler;
                case JsonValueKind.Array when current.GetArrayLength() > 0:
                    current = current[0];
                    continue;
                default:
                    return null;
            }
        }

        return null;
    }
}

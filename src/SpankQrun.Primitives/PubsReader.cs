using System.Text.Json;

namespace SpankQrun.Primitives;

/// <summary>
/// Parses a PUBs document once: checks it (every problem with its JSON path, see <see cref="PubsValidator"/>) and, when
/// it is valid, builds the typed <see cref="PubsDocument"/> from the same parse.
/// </summary>
/// <remarks>
/// Qiskit's RuntimeEncoder forms (<c>{"__type__":"ndarray",...}</c>, ObservablesArray) are first turned into the plain
/// arrays they stand for by <see cref="RuntimeEncoding"/>; everything after that reads plain JSON.
/// </remarks>
public static class PubsReader
{
    private const int MaxDepth = 64;

    public static PubsReadResult Read(ReadOnlySpan<byte> utf8Json, PrimitiveKind kind)
    {
        if (utf8Json.IndexOf("\"__type__\""u8) >= 0)
        {
            var plain = RuntimeEncoding.Decode(utf8Json.ToArray(), out var decodeError);
            return plain is null ? new PubsReadResult(null, [decodeError!]) : ReadPlain(plain, kind);
        }

        return ReadPlain(utf8Json, kind);
    }

    private static PubsReadResult ReadPlain(ReadOnlySpan<byte> utf8Json, PrimitiveKind kind)
    {
        var errors = new List<PubsError>();
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Disallow });
            if (!JsonDocument.TryParseValue(ref reader, out var parsed))
            {
                errors.Add(new PubsError("$", PubsMessages.EmptyDocument()));
                return new PubsReadResult(null, errors);
            }

            document = parsed;
            if (reader.Read())
            {
                errors.Add(new PubsError("$", PubsMessages.TrailingData(reader.TokenStartIndex, "unexpected data after the top-level value")));
                document.Dispose();
                return new PubsReadResult(null, errors);
            }
        }
        catch (JsonException exception)
        {
            errors.Add(new PubsError("$", PubsMessages.InvalidJson(exception.LineNumber ?? 0, exception.BytePositionInLine ?? 0, FirstSentence(exception.Message))));
            return new PubsReadResult(null, errors);
        }

        using (document)
        {
            PubsValidator.ValidateRoot(document.RootElement, kind, errors);
            return errors.Count > 0 ? new PubsReadResult(null, errors) : new PubsReadResult(Build(document.RootElement, kind), errors);
        }
    }

    private static PubsDocument Build(JsonElement root, PrimitiveKind kind)
    {
        var samplers = new List<SamplerPub>();
        var estimators = new List<EstimatorPub>();
        var index = 0;
        foreach (var pub in root.GetProperty("pubs").EnumerateArray())
        {
            var circuit = pub[0].GetString()!;
            if (kind == PrimitiveKind.Sampler)
                samplers.Add(new SamplerPub(index, circuit, ReadParameterValues(Optional(pub, 1)), SamplerShots(root, pub)));
            else
                estimators.Add(new EstimatorPub(index, circuit, ReadObservables(pub[1]), ReadParameterValues(Optional(pub, 2)), EstimatorPrecision(root, pub)));
            index++;
        }

        var supportQiskit = root.TryGetProperty("support_qiskit", out var flag) && flag.ValueKind == JsonValueKind.True;
        return new PubsDocument(kind, samplers, estimators) { SupportQiskit = supportQiskit };
    }

    /// <summary>Parameter values already checked by the validator: null/missing, or a rectangular nested array of numbers.</summary>
    private static ParameterArray ReadParameterValues(JsonElement? element)
    {
        if (element is not { ValueKind: JsonValueKind.Array } array)
            return ParameterArray.None;

        var shape = new List<int>();
        for (var current = array; current.ValueKind == JsonValueKind.Array; current = current.GetArrayLength() > 0 ? current[0] : default)
        {
            shape.Add(current.GetArrayLength());
            if (current.GetArrayLength() == 0)
                break;
        }

        var values = new List<double>();
        Flatten(array, values);
        return new ParameterArray(true, shape, values);
    }

    private static void Flatten(JsonElement element, List<double> values)
    {
        if (element.ValueKind == JsonValueKind.Number)
        {
            values.Add(element.GetDouble());
            return;
        }

        foreach (var child in element.EnumerateArray())
            Flatten(child, values);
    }

    private static ObservableSet ReadObservables(JsonElement element)
    {
        var shape = new List<int>();
        for (var current = element; current.ValueKind == JsonValueKind.Array; current = current[0])
            shape.Add(current.GetArrayLength());

        var observables = new List<IReadOnlyList<PauliTermValue>>();
        FlattenObservables(element, observables);
        return new ObservableSet(shape, observables);
    }

    private static void FlattenObservables(JsonElement element, List<IReadOnlyList<PauliTermValue>> observables)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                observables.Add([new PauliTermValue(element.GetString()!, 1.0)]);
                break;
            case JsonValueKind.Object:
                observables.Add([.. element.EnumerateObject().Select(term => new PauliTermValue(term.Name, term.Value.GetDouble()))]);
                break;
            default:
                foreach (var child in element.EnumerateArray())
                    FlattenObservables(child, observables);
                break;
        }
    }

    private static JsonElement? Optional(JsonElement pub, int index) =>
        pub.GetArrayLength() > index && pub[index].ValueKind != JsonValueKind.Null ? pub[index] : null;

    private static long SamplerShots(JsonElement root, JsonElement pub)
    {
        if (Optional(pub, 2) is { } shots)
            return shots.GetInt64();
        if (root.TryGetProperty("shots", out var top) && top.ValueKind == JsonValueKind.Number)
            return top.GetInt64();
        if (root.TryGetProperty("options", out var options) && options.ValueKind == JsonValueKind.Object
            && options.TryGetProperty("default_shots", out var defaultShots) && defaultShots.ValueKind == JsonValueKind.Number)
            return defaultShots.GetInt64();
        return PubsDocument.DefaultShots;
    }

    /// <summary>PUB precision, else top-level precision, else options.default_precision, else 1/√options.default_shots.</summary>
    private static double EstimatorPrecision(JsonElement root, JsonElement pub)
    {
        if (Optional(pub, 3) is { } precision)
            return precision.GetDouble();
        if (root.TryGetProperty("precision", out var top) && top.ValueKind == JsonValueKind.Number)
            return top.GetDouble();
        if (root.TryGetProperty("options", out var options) && options.ValueKind == JsonValueKind.Object)
        {
            if (options.TryGetProperty("default_precision", out var defaultPrecision) && defaultPrecision.ValueKind == JsonValueKind.Number)
                return defaultPrecision.GetDouble();
            if (options.TryGetProperty("default_shots", out var defaultShots) && defaultShots.ValueKind == JsonValueKind.Number)
                return 1 / Math.Sqrt(defaultShots.GetDouble());
        }

        return PubsDocument.DefaultPrecision;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }
}

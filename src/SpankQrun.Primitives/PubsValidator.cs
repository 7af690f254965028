using System.Text.Json;

namespace SpankQrun.Primitives;

/// <summary>
/// Shape-level validation of a PUBs document (the primitive input a user hands to qrun), run before anything is uploaded.
/// It checks JSON structure only; circuits are parsed by the simulator or the service.
/// </summary>
public static partial class PubsValidator
{
    /// <summary>Returns every problem found; an empty list means the document is valid for <paramref name="kind"/>.</summary>
    public static IReadOnlyList<PubsError> Validate(ReadOnlySpan<byte> utf8Json, PrimitiveKind kind) => PubsReader.Read(utf8Json, kind).Errors;

    internal static void ValidateRoot(JsonElement root, PrimitiveKind kind, List<PubsError> errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new PubsError("$", PubsMessages.ExpectedRootObject(root)));
            return;
        }

        if (!root.TryGetProperty("version", out var version))
        {
            errors.Add(new PubsError("$.version", PubsMessages.MissingVersion()));
        }
        else if (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var value) || value != 2)
        {
            errors.Add(new PubsError("$.version", PubsMessages.ExpectedVersion2(version)));
        }

        ValidateTopLevelOptions(root, kind, errors);

        if (!root.TryGetProperty("pubs", out var pubs))
        {
            errors.Add(new PubsError("$.pubs", PubsMessages.MissingPubs()));
            return;
        }

        if (pubs.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new PubsError("$.pubs", PubsMessages.ExpectedPubsArray(pubs)));
            return;
        }

        if (pubs.GetArrayLength() == 0)
        {
            errors.Add(new PubsError("$.pubs", PubsMessages.EmptyPubs()));
            return;
        }

        var index = 0;
        foreach (var pub in pubs.EnumerateArray())
        {
            ValidatePub(pub, $"$.pubs[{index}]", kind, errors);
            index++;
        }
    }

    private static void ValidateTopLevelOptions(JsonElement root, PrimitiveKind kind, List<PubsError> errors)
    {
        if (kind == PrimitiveKind.Sampler && root.TryGetProperty("shots", out var shots) && shots.ValueKind != JsonValueKind.Null)
        {
            CheckPositiveInteger(shots, "$.shots", "shots", errors);
        }

        if (kind == PrimitiveKind.Estimator && root.TryGetProperty("precision", out var precision) && precision.ValueKind != JsonValueKind.Null)
        {
            CheckPositiveNumber(precision, "$.precision", "precision", errors);
        }

        if (root.TryGetProperty("resilience_level", out var resilience) && resilience.ValueKind != JsonValueKind.Null
            && (resilience.ValueKind != JsonValueKind.Number || !resilience.TryGetInt32(out var level) || level < 0))
        {
            errors.Add(new PubsError("$.resilience_level", PubsMessages.ExpectedNonNegativeInteger("resilience_level", resilience)));
        }

        if (!root.TryGetProperty("options", out var options) || options.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (options.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new PubsError("$.options", PubsMessages.ExpectedOptionsObject(options)));
            return;
        }

        if (options.TryGetProperty("default_shots", out var defaultShots) && defaultShots.ValueKind != JsonValueKind.Null)
        {
            CheckPositiveInteger(defaultShots, "$.options.default_shots", "default_shots", errors);
        }

        if (options.TryGetProperty("default_precision", out var defaultPrecision) && defaultPrecision.ValueKind != JsonValueKind.Null)
        {
            CheckPositiveNumber(defaultPrecision, "$.options.default_precision", "default_precision", errors);
        }
    }

    private static void ValidatePub(JsonElement pub, string path, PrimitiveKind kind, List<PubsError> errors)
    {
        if (pub.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new PubsError(path, PubsMessages.ExpectedPubArray(kind, pub)));
            return;
        }

        var length = pub.GetArrayLength();
        var (minimum, maximum) = kind == PrimitiveKind.Sampler ? (1, 3) : (2, 4);
        if (length < minimum || length > maximum)
        {
            errors.Add(new PubsError(path, PubsMessages.WrongPubLength(kind, length)));
            return;
        }

        CheckCircuit(pub[0], $"{path}[0]", errors);
        if (kind == PrimitiveKind.Sampler)
        {
            if (length > 1)
            {
                CheckParameterValues(pub[1], $"{path}[1]", errors);
            }

            if (length > 2 && pub[2].ValueKind != JsonValueKind.Null)
            {
                CheckPositiveInteger(pub[2], $"{path}[2]", "shots", errors);
            }

            return;
        }

        CheckObservables(pub[1], $"{path}[1]", errors);
        if (length > 2)
        {
            CheckParameterValues(pub[2], $"{path}[2]", errors);
        }

        if (length > 3 && pub[3].ValueKind != JsonValueKind.Null)
        {
            CheckPositiveNumber(pub[3], $"{path}[3]", "precision", errors);
        }
    }

    private static void CheckCircuit(JsonElement circuit, string path, List<PubsError> errors)
    {
        if (circuit.ValueKind != JsonValueKind.String || !StartsWithOpenQasm3(circuit.GetString()!))
        {
            errors.Add(new PubsError(path, PubsMessages.ExpectedCircuit(circuit)));
        }
    }

    /// <summary>True when the text, after leading blank lines and <c>//</c> comment lines, starts with <c>OPENQASM 3</c>.</summary>
    private static bool StartsWithOpenQasm3(string text)
    {
        var rest = text.AsSpan().TrimStart();
        while (rest.StartsWith("//", StringComparison.Ordinal))
        {
            var newline = rest.IndexOf('\n');
            rest = newline < 0 ? [] : rest[(newline + 1)..].TrimStart();
        }

        if (!rest.StartsWith("OPENQASM", StringComparison.Ordinal))
        {
            return false;
        }

        var version = rest["OPENQASM".Length..].TrimStart();
        return version.StartsWith("3", StringComparison.Ordinal) && (version.Length == 1 || !char.IsAsciiDigit(version[1]));
    }

    private static void CheckPositiveInteger(JsonElement value, string path, string what, List<PubsError> errors)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number) || number <= 0)
        {
            errors.Add(new PubsError(path, PubsMessages.ExpectedPositiveInteger(what, value)));
        }
    }

    private static void CheckPositiveNumber(JsonElement value, string path, string what, List<PubsError> errors)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !(number > 0) || double.IsInfinity(number))
        {
            errors.Add(new PubsError(path, PubsMessages.ExpectedPositiveNumber(what, value)));
        }
    }
}

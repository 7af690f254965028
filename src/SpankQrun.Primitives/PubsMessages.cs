using System.Text.Json;

namespace SpankQrun.Primitives;

/// <summary>Every user-facing message of the PUBs validator, one method per message.</summary>
internal static class PubsMessages
{
    private const int MaxFoundLength = 48;

    public static string InvalidJson(long line, long bytePosition, string reason) =>
        $"not valid JSON at line {line + 1}, byte {bytePosition + 1}: {reason}";

    public static string TrailingData(long byteOffset, string reason) => $"not valid JSON at byte offset {byteOffset}: {reason}";

    public static string EmptyDocument() => "expected a JSON object with \"version\" and \"pubs\", found an empty document";

    public static string ExpectedRootObject(JsonElement found) =>
        $"expected a JSON object with \"version\" and \"pubs\", found {Describe(found)}";

    public static string MissingVersion() => "missing \"version\"; expected 2";

    public static string ExpectedVersion2(JsonElement found) => $"expected 2 (version), found {Describe(found)}";

    public static string MissingPubs() => "missing \"pubs\"; expected a non-empty array of PUBs";

    public static string ExpectedPubsArray(JsonElement found) => $"expected a non-empty array of PUBs, found {Describe(found)}";

    public static string EmptyPubs() => "expected a non-empty array of PUBs, found an empty array";

    public static string ExpectedPubArray(PrimitiveKind kind, JsonElement found) =>
        $"expected {Article(kind)} PUB array {PubShape(kind)}, found {Describe(found)}";

    public static string WrongPubLength(PrimitiveKind kind, int length) =>
        $"expected {Article(kind)} PUB {PubShape(kind)}, found an array of {length} element{(length == 1 ? "" : "s")}";

    public static string ExpectedCircuit(JsonElement found) =>
        $"expected an OpenQASM 3 circuit string starting with \"OPENQASM 3\", found {Describe(found)}";

    public static string ExpectedPositiveInteger(string what, JsonElement found) =>
        $"expected a positive integer ({what}), found {Describe(found)}";

    public static string ExpectedNonNegativeInteger(string what, JsonElement found) =>
        $"expected a non-negative integer ({what}), found {Describe(found)}";

    public static string ExpectedPositiveNumber(string what, JsonElement found) =>
        $"expected a positive number ({what}), found {Describe(found)}";

    public static string ExpectedOptionsObject(JsonElement found) => $"expected an object (options), found {Describe(found)}";

    public static string ExpectedParameterValues(JsonElement found) =>
        $"expected null or a (nested) array of numbers (parameter values), found {Describe(found)}";

    public static string RaggedArray(string what, string expectedShape, string foundShape) =>
        $"expected every element of the {what} to have the same shape {expectedShape}, found {foundShape}";

    public static string ExpectedObservables(JsonElement found) =>
        $"expected a Pauli map such as {{\"ZZ\": 1.0}}, a Pauli label string, or a (nested) array of them (observables), found {Describe(found)}";

    public static string EmptyPauliMap() => "expected at least one Pauli term such as {\"ZZ\": 1.0}, found an empty object";

    public static string InvalidPauliLabel(string label) =>
        $"expected a Pauli label made of I, X, Y and Z, found \"{Truncate(label)}\"";

    public static string PauliLabelLengthMismatch(string label, int expectedLength) =>
        $"expected every Pauli label of the PUB to have {expectedLength} characters (one per qubit), found \"{Truncate(label)}\" with {label.Length}";

    public static string ExpectedCoefficient(JsonElement found) => $"expected a real number (Pauli coefficient), found {Describe(found)}";

    private static string Article(PrimitiveKind kind) => kind == PrimitiveKind.Estimator ? "an estimator" : "a sampler";

    private static string PubShape(PrimitiveKind kind) => kind == PrimitiveKind.Sampler
        ? "[circuit, parameter_values?, shots?]"
        : "[circuit, observables, parameter_values?, precision?]";

    private static string Describe(JsonElement found) => found.ValueKind switch
    {
        JsonValueKind.Array => found.GetArrayLength() == 0 ? "an empty array" : $"an array {Truncate(found.GetRawText())}",
        JsonValueKind.Object => $"an object {Truncate(found.GetRawText())}",
        JsonValueKind.Null => "null",
        JsonValueKind.Undefined => "nothing",
        _ => Truncate(found.GetRawText()),
    };

    private static string Truncate(string text)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= MaxFoundLength ? flat : string.Concat(flat.AsSpan(0, MaxFoundLength), "...");
    }
}

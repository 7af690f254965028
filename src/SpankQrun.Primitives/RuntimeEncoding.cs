using System.Buffers;
using System.Text.Json;

namespace SpankQrun.Primitives;

/// <summary>
/// Accepts PUBs written with qiskit-ibm-runtime's <c>RuntimeEncoder</c>: <c>{"__type__": "ndarray", "__value__": ...}</c>
/// (a list, a number, or base64 of a zlib-compressed .npy) and <c>{"__type__": "ObservablesArray", "__value__": [...]}</c>
/// become the plain nested arrays the rest of the model reads. The one place that knows the encoding's input side.
/// </summary>
public static class RuntimeEncoding
{
    private const string TypeKey = "__type__";
    private const string ValueKey = "__value__";

    /// <summary>
    /// The document with every encoded value replaced by its plain JSON form (the input itself when it holds none), or
    /// null with <paramref name="error"/> naming the JSON path of a value that cannot be decoded.
    /// Input that is not JSON is returned unchanged for the validator to report.
    /// </summary>
    public static byte[]? Decode(byte[] utf8Json, out PubsError? error)
    {
        error = null;
        if (utf8Json.AsSpan().IndexOf("\"__type__\""u8) < 0)
        {
            return utf8Json;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException)
        {
            return utf8Json;
        }

        using (document)
        {
            var buffer = new ArrayBufferWriter<byte>(utf8Json.Length);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                try
                {
                    Write(document.RootElement, "$", writer);
                }
                catch (DecodeException exception)
                {
                    error = new PubsError(exception.Path, exception.Message);
                    return null;
                }
            }

            return buffer.WrittenSpan.ToArray();
        }
    }

    private static void Write(JsonElement element, string path, Utf8JsonWriter writer)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object when element.TryGetProperty(TypeKey, out var type):
                WriteEncoded(type.ValueKind == JsonValueKind.String ? type.GetString()! : type.GetRawText(), element, path, writer);
                break;
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    Write(property.Value, $"{path}.{property.Name}", writer);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Write(item, $"{path}[{index++}]", writer);
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    private static void WriteEncoded(string type, JsonElement element, string path, Utf8JsonWriter writer)
    {
        if (!element.TryGetProperty(ValueKey, out var value))
        {
            throw new DecodeException(path, PubsMessages.EncodedWithoutValue(type));
        }

        switch (type)
        {
            case "ndarray" when value.ValueKind == JsonValueKind.String:
                Npy.NpyArray array;
                try
                {
                    array = Npy.DecodeBase64Zlib(value.GetString()!);
                }
                catch (Exception exception) when (exception is FormatException or OverflowException or InvalidDataException)
                {
                    throw new DecodeException(path, PubsMessages.NdarrayUndecodable(exception.Message));
                }

                WriteNested(array, writer);
                break;
            case "ndarray" or "ObservablesArray":
                Write(value, path, writer);
                break;
            default:
                throw new DecodeException(path, PubsMessages.EncodedTypeUnsupported(type));
        }
    }

    private static void WriteNested(Npy.NpyArray array, Utf8JsonWriter writer)
    {
        var flat = 0;
        WriteAxis(0);

        void WriteAxis(int axis)
        {
            if (axis == array.Shape.Length)
            {
                writer.WriteNumberValue(array.Values[flat++]);
                return;
            }

            writer.WriteStartArray();
            for (var i = 0; i < array.Shape[axis]; i++)
            {
                WriteAxis(axis + 1);
            }

            writer.WriteEndArray();
        }
    }

    private sealed class DecodeException(string path, string message) : Exception(message)
    {
        public string Path { get; } = path;
    }
}

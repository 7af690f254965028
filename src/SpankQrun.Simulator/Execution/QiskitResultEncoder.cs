using System.Buffers;
using System.Globalization;
using System.Text.Json;
using SpankQrun.Primitives;

namespace SpankQrun.Simulator.Execution;

/// <summary>
/// Rewrites a plain result document into the form the real service writes for <c>"support_qiskit": true</c>, which
/// qiskit-ibm-runtime's <c>RuntimeDecoder</c> turns into a <c>PrimitiveResult</c>: PrimitiveResult → SamplerPubResult /
/// EstimatorPubResult → DataBin → BitArray (uint8 ndarray of shape (*pub_shape, shots, bytes), big-endian bytes) or
/// float64 ndarrays, every array as base64 of zlib-compressed .npy.
/// </summary>
internal static class QiskitResultEncoder
{
    public static byte[] Encode(PrimitiveKind kind, byte[] plainResult)
    {
        using var document = JsonDocument.Parse(plainResult);
        var buffer = new ArrayBufferWriter<byte>(plainResult.Length);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("__type__", "PrimitiveResult");
            writer.WriteStartObject("__value__");
            writer.WriteStartArray("pub_results");
            foreach (var pub in document.RootElement.GetProperty("results").EnumerateArray())
            {
                WritePubResult(kind, pub, writer);
            }

            writer.WriteEndArray();
            writer.WritePropertyName("metadata");
            document.RootElement.GetProperty("metadata").WriteTo(writer);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WritePubResult(PrimitiveKind kind, JsonElement pub, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("__type__", kind == PrimitiveKind.Sampler ? "SamplerPubResult" : "EstimatorPubResult");
        writer.WriteStartObject("__value__");
        writer.WritePropertyName("data");
        var fields = pub.GetProperty("data").EnumerateObject().ToList();
        var shape = kind == PrimitiveKind.Sampler
            ? (fields.Count > 0 ? ShapeOf(fields[0].Value.GetProperty("samples"))[..^1] : [])
            : ShapeOf(pub.GetProperty("data").GetProperty("evs"));
        writer.WriteStartObject();
        writer.WriteString("__type__", "DataBin");
        writer.WriteStartObject("__value__");
        writer.WriteStartArray("field_names");
        fields.ForEach(field => writer.WriteStringValue(field.Name));
        writer.WriteEndArray();
        WriteShape("shape", shape, writer);
        writer.WriteStartObject("fields");
        foreach (var field in fields)
        {
            writer.WritePropertyName(field.Name);
            if (kind == PrimitiveKind.Sampler)
            {
                WriteBitArray(field.Value, writer);
            }
            else
            {
                WriteNdarray(ShapeOf(field.Value), Flatten(field.Value), writer);
            }
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WritePropertyName("metadata");
        pub.GetProperty("metadata").WriteTo(writer);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteBitArray(JsonElement register, Utf8JsonWriter writer)
    {
        var bits = register.GetProperty("num_bits").GetInt32();
        var bytesPerShot = Math.Max(1, (bits + 7) / 8);
        var samples = register.GetProperty("samples");
        var shape = ShapeOf(samples);
        var hex = new List<string>();
        CollectStrings(samples, hex);
        var data = new byte[hex.Count * bytesPerShot];
        for (var shot = 0; shot < hex.Count; shot++)
        {
            var value = System.Numerics.BigInteger.Parse("0" + hex[shot][2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            // Big-endian: the last byte of each shot holds bits 0 to 7.
            for (var b = 0; b < bytesPerShot; b++)
            {
                data[(shot * bytesPerShot) + bytesPerShot - 1 - b] = (byte)(value >> (8 * b) & 0xff);
            }
        }

        writer.WriteStartObject();
        writer.WriteString("__type__", "BitArray");
        writer.WriteStartObject("__value__");
        writer.WritePropertyName("array");
        writer.WriteStartObject();
        writer.WriteString("__type__", "ndarray");
        writer.WriteString("__value__", Npy.EncodeUInt8([.. shape, bytesPerShot], data));
        writer.WriteEndObject();
        writer.WriteNumber("num_bits", bits);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteNdarray(int[] shape, double[] values, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("__type__", "ndarray");
        writer.WriteString("__value__", Npy.EncodeFloat64(shape, values));
        writer.WriteEndObject();
    }

    private static void WriteShape(string name, int[] shape, Utf8JsonWriter writer)
    {
        writer.WriteStartArray(name);
        foreach (var dimension in shape)
        {
            writer.WriteNumberValue(dimension);
        }

        writer.WriteEndArray();
    }

    private static int[] ShapeOf(JsonElement element)
    {
        var shape = new List<int>();
        for (var current = element; current.ValueKind == JsonValueKind.Array; current = current.GetArrayLength() > 0 ? current[0] : default)
        {
            shape.Add(current.GetArrayLength());
            if (current.GetArrayLength() == 0)
            {
                break;
            }
        }

        return [.. shape];
    }

    private static double[] Flatten(JsonElement element)
    {
        var values = new List<double>();
        Collect(element);
        return [.. values];

        void Collect(JsonElement current)
        {
            if (current.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in current.EnumerateArray())
                {
                    Collect(item);
                }
            }
            else
            {
                values.Add(current.GetDouble());
            }
        }
    }

    private static void CollectStrings(JsonElement element, List<string> values)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                CollectStrings(item, values);
            }
        }
        else
        {
            values.Add(element.GetString()!);
        }
    }
}

using System.Text.Json;

namespace SpankQrun.Qrun.Output;

/// <summary>Re-indents a JSON document without binding it to types (no reflection, NativeAOT-safe).</summary>
internal static class JsonPretty
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true };

    /// <summary>The indented document followed by a newline; throws <see cref="JsonException"/> if it is not JSON.</summary>
    public static byte[] Format(ReadOnlyMemory<byte> utf8Json)
    {
        using var document = JsonDocument.Parse(utf8Json);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Indented))
        {
            document.WriteTo(writer);
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}

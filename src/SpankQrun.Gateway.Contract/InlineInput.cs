using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpankQrun.Gateway.Contract;

/// <summary>
/// A job's input carried inside <see cref="CreateJobRequest"/> as a JSON value, byte for byte: written as given (qrun
/// gives its file's value without the whitespace around it), read as the exact bytes of the value in the request
/// (the gateway stores those as the input object).
/// </summary>
[JsonConverter(typeof(InlineInputConverter))]
public sealed class InlineInput(ReadOnlyMemory<byte> utf8)
{
    /// <summary>
    /// The most a client sends inline; a larger input goes to storage through a presigned PUT. With the rest of the
    /// request it stays under the 64 KiB every gateway reads of a body, one from before inline inputs included: the
    /// gateway holds no more per request than before, and an older one just ignores the input.
    /// </summary>
    public const int MaxBytes = 56 * 1024;

    /// <summary>The JSON value's UTF-8 text.</summary>
    public ReadOnlyMemory<byte> Utf8 { get; } = utf8;
}

/// <summary>Reads and writes an <see cref="InlineInput"/> as the raw JSON value it holds (checked as JSON on write).</summary>
public sealed class InlineInputConverter : JsonConverter<InlineInput>
{
    public override InlineInput Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return new InlineInput(JsonMarshal.GetRawUtf8Value(document.RootElement).ToArray());
    }

    public override void Write(Utf8JsonWriter writer, InlineInput value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.Utf8.Span);
}

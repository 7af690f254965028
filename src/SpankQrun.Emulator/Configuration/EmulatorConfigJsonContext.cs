using System.Text.Json.Serialization;

namespace SpankQrun.Emulator.Configuration;

// Unknown keys are errors so that a misspelt key is reported instead of silently ignored.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(EmulatorConfigFile))]
internal sealed partial class EmulatorConfigJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;
using SpankQrun.Emulator.Auth;
using SpankQrun.Emulator.Backends;
using SpankQrun.Emulator.Errors;
using SpankQrun.Emulator.Jobs;
using SpankQrun.Emulator.Versioning;

namespace SpankQrun.Emulator.Json;

/// <summary>Every JSON document the emulator reads or writes: the wire DTOs and the state file.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(VersionResponse))]
[JsonSerializable(typeof(VersionsResponse))]
[JsonSerializable(typeof(BackendLanesResponse))]
[JsonSerializable(typeof(JobResponse))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(IamErrorResponse))]
[JsonSerializable(typeof(ApiErrorBody))]
[JsonSerializable(typeof(BackendListResponse))]
[JsonSerializable(typeof(BackendSummaryResponse))]
[JsonSerializable(typeof(BackendConfigurationResponse))]
[JsonSerializable(typeof(BackendPropertiesResponse))]
[JsonSerializable(typeof(JobSubmission))]
[JsonSerializable(typeof(JobListResponse))]
[JsonSerializable(typeof(JobStateDocument))]
public sealed partial class EmulatorJsonContext : JsonSerializerContext;

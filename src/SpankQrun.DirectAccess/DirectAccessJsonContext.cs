using System.Text.Json.Serialization;
using SpankQrun.DirectAccess.Auth;
using SpankQrun.DirectAccess.Jobs;

namespace SpankQrun.DirectAccess;

/// <summary>Source-generated JSON for every wire type (no reflection: NativeAOT).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(IamErrorResponse))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(JobSubmission))]
[JsonSerializable(typeof(JobList))]
[JsonSerializable(typeof(BackendList))]
internal sealed partial class DirectAccessJsonContext : JsonSerializerContext;

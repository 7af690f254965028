using System.Text.Json.Serialization;

namespace SpankQrun.Gateway.Contract;

/// <summary>Source-generated JSON for every gateway document (trimming- and AOT-safe).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(CreateJobRequest))]
[JsonSerializable(typeof(CreateJobResponse))]
[JsonSerializable(typeof(SubmitJobRequest))]
[JsonSerializable(typeof(JobView))]
[JsonSerializable(typeof(JobList))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(ErrorBody))]
public sealed partial class GatewayJsonContext : JsonSerializerContext;

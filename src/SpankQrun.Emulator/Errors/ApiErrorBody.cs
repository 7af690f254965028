namespace SpankQrun.Emulator.Errors;

/// <summary>
/// Wire form of every API error response: <see cref="Trace"/> is always present (a fresh id per error);
/// <see cref="CorrelationId"/> repeats it, since the emulator has no upstream service to correlate.
/// </summary>
public sealed record ApiErrorBody(int StatusCode, string Title, string Trace, string? CorrelationId, IReadOnlyList<ApiErrorDetail> Errors);

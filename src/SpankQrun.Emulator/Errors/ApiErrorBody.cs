namespace SpankQrun.Emulator.Errors;

/// <summary>Wire form of every Direct Access error response.</summary>
public sealed record ApiErrorBody(int StatusCode, string Title, string Trace, IReadOnlyList<ApiErrorDetail> Errors);

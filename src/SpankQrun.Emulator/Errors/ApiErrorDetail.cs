namespace SpankQrun.Emulator.Errors;

/// <summary>One entry of <see cref="ApiErrorBody.Errors"/>.</summary>
public sealed record ApiErrorDetail(string Code, string Message, string MoreInfo, string Location, string Solution);

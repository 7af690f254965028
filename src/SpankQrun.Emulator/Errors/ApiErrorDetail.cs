namespace SpankQrun.Emulator.Errors;

/// <summary>
/// One entry of <see cref="ApiErrorBody.Errors"/>. <see cref="Target"/> names the field, parameter or header at
/// fault; <see cref="Location"/> (the same name) is kept for clients of the 2025 contract.
/// </summary>
public sealed record ApiErrorDetail(string Code, string Message, string MoreInfo, string Location, string Solution, ApiErrorTarget? Target);

namespace SpankQrun.Emulator.Errors;

/// <summary>
/// Codes of <see cref="ApiErrorDetail.Code"/>. 1216, 1231, 1232, 1233, 1291, 1306 and 1337 are the service's own;
/// 1200 (invalid request), 1201 (unauthorized) and 1202 (body too large) are the emulator's choice.
/// </summary>
public static class ApiErrorCodes
{
    public const string InvalidRequest = "1200";
    public const string Unauthorized = "1201";
    public const string BackendNotFound = "1216";
    public const string DuplicateJobId = "1231";
    public const string LanesFull = "1232";
    public const string BackendReserved = "1233";
    public const string JobNotFound = "1291";
    public const string JobNotCancellable = "1306";
    public const string JobNotFinal = "1337";
    public const string PayloadTooLarge = "1202";
}

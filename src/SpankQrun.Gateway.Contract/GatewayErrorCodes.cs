namespace SpankQrun.Gateway.Contract;

/// <summary>The gateway's own error codes (Direct Access's codes are passed on unchanged).</summary>
public static class GatewayErrorCodes
{
    /// <summary>No, undecodable, expired or replayed MUNGE credential, or one made for another request (401).</summary>
    public const string NotAuthenticated = "GW401";

    /// <summary>The Slurm job is not the caller's, not running, or not for this backend (403).</summary>
    public const string NotAllowed = "GW403";

    /// <summary>No such gateway job for this caller (404).</summary>
    public const string NotFound = "GW404";

    /// <summary>Bad request body or value (400).</summary>
    public const string InvalidRequest = "GW400";

    /// <summary>The job is not in a state that allows the operation (409).</summary>
    public const string Conflict = "GW409";

    /// <summary>Body or input_bytes over the gateway's limit (413).</summary>
    public const string TooLarge = "GW413";

    /// <summary>Slurm could not be asked (503).</summary>
    public const string SlurmUnavailable = "GW503S";

    /// <summary>Direct Access could not be reached after retries (503).</summary>
    public const string DirectAccessUnavailable = "GW503D";

    /// <summary>The gateway's database could not be used (503).</summary>
    public const string DatabaseUnavailable = "GW503B";
}

namespace SpankQrun.Munge;

/// <summary>The result of a MUNGE call; the values are libmunge's <c>munge_err_t</c>.</summary>
public enum MungeStatus
{
    /// <summary>The credential is valid.</summary>
    Success = 0,

    /// <summary>Internal error in libmunge or munged.</summary>
    Snafu = 1,

    /// <summary>Invalid argument.</summary>
    BadArgument = 2,

    /// <summary>Payload or credential longer than MUNGE allows.</summary>
    BadLength = 3,

    /// <summary>Buffer overflow.</summary>
    Overflow = 4,

    /// <summary>Out of memory.</summary>
    NoMemory = 5,

    /// <summary>munged could not be reached (not running, socket missing).</summary>
    Socket = 6,

    /// <summary>Socket timeout.</summary>
    Timeout = 7,

    /// <summary>Not a credential (bad format).</summary>
    BadCredential = 8,

    /// <summary>Unknown credential version.</summary>
    BadVersion = 9,

    /// <summary>Unknown cipher.</summary>
    BadCipher = 10,

    /// <summary>Unknown MAC.</summary>
    BadMac = 11,

    /// <summary>Unknown compression.</summary>
    BadZip = 12,

    /// <summary>Unknown security realm.</summary>
    BadRealm = 13,

    /// <summary>The credential does not verify (forged, another key, altered).</summary>
    Invalid = 14,

    /// <summary>The credential's time to live has passed.</summary>
    Expired = 15,

    /// <summary>The credential was made in the future (clock skew).</summary>
    Rewound = 16,

    /// <summary>The credential was decoded before.</summary>
    Replayed = 17,

    /// <summary>The credential is restricted to another uid/gid.</summary>
    Unauthorized = 18,
}

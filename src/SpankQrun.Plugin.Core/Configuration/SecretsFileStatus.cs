namespace SpankQrun.Plugin.Core.Configuration;

/// <summary>
/// What happened when slurmstepd (as root) opened the secrets file; values match
/// <c>enum qrun_secrets_status</c> in spank_glue.h.
/// </summary>
public enum SecretsFileStatus
{
    /// <summary>Not opened: the plugstack.conf line names no single absolute <c>secrets=</c> path.</summary>
    NotRead = 0,

    /// <summary>Opened, checked and read.</summary>
    Read = 1,

    /// <summary>open() failed (missing file, permissions, ...).</summary>
    OpenFailed = 2,

    /// <summary>The path is a symbolic link.</summary>
    SymbolicLink = 3,

    /// <summary>Not a regular file.</summary>
    NotRegularFile = 4,

    /// <summary>Owned by a user other than root.</summary>
    NotOwnedByRoot = 5,

    /// <summary>Readable or writable by group or others.</summary>
    AccessibleByOthers = 6,

    /// <summary>Larger than <see cref="SecretsFileParser.MaxBytes"/>.</summary>
    TooLarge = 7,

    /// <summary>read() failed.</summary>
    ReadFailed = 8,
}

namespace SpankQrun.Munge;

/// <summary>What munged said about a credential.</summary>
/// <param name="Status">Success, or why the credential is refused.</param>
/// <param name="Uid">The uid of the process that made the credential (meaningful on Success).</param>
/// <param name="Gid">The gid of the process that made the credential (meaningful on Success).</param>
/// <param name="Payload">The bytes the credential carries (empty if none or undecodable).</param>
/// <param name="EncodeTime">When the credential was made (null if unknown).</param>
/// <param name="Ttl">The credential's time to live (null if unknown).</param>
/// <param name="Message">munge's own description of the status.</param>
public sealed record MungeDecodeResult(
    MungeStatus Status,
    uint Uid,
    uint Gid,
    byte[] Payload,
    DateTimeOffset? EncodeTime,
    TimeSpan? Ttl,
    string Message)
{
    /// <summary>True only for a valid, fresh, first-time-decoded credential.</summary>
    public bool IsSuccess => Status == MungeStatus.Success;
}

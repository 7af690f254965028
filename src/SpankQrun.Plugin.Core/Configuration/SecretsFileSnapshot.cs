namespace SpankQrun.Plugin.Core.Configuration;

/// <summary>The secrets file as root found it, before privileges dropped.</summary>
/// <param name="Path">The path that was opened.</param>
/// <param name="Status">What happened.</param>
/// <param name="ErrorText">The system's error text for <see cref="SecretsFileStatus.OpenFailed"/> and <see cref="SecretsFileStatus.ReadFailed"/>.</param>
/// <param name="OwnerUid">The file's owner.</param>
/// <param name="Mode">The file's permission bits.</param>
/// <param name="Content">The file's bytes when <see cref="SecretsFileStatus.Read"/>.</param>
public sealed record SecretsFileSnapshot(string Path, SecretsFileStatus Status, string ErrorText, uint OwnerUid, uint Mode, byte[] Content)
{
    /// <summary>Nothing was read.</summary>
    public static readonly SecretsFileSnapshot None = new(string.Empty, SecretsFileStatus.NotRead, string.Empty, 0, 0, []);
}

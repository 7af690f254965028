using SpankQrun.DirectAccess;
using SpankQrun.DirectAccess.Storage;

namespace SpankQrun.Gateway.Configuration;

/// <summary>What the gateway needs to act for jobs of one backend. Holds secrets: never printed.</summary>
public sealed record GatewayBackend(string Name, DirectAccessClientOptions DirectAccess, S3StorageOptions Storage)
{
    /// <inheritdoc />
    public override string ToString() => $"GatewayBackend {{ Name = {Name} }}";
}

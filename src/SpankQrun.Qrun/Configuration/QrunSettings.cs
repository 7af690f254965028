using SpankQrun.DirectAccess.Auth;
using SpankQrun.DirectAccess.Storage;
using SpankQrun.Primitives;

namespace SpankQrun.Qrun.Configuration;

/// <summary>Everything qrun takes from the IBMQRUN_* environment, validated.</summary>
internal sealed record QrunSettings(
    string Backend,
    PrimitiveKind Primitive,
    Uri DirectAccessEndpoint,
    DirectAccessCredentials Credentials,
    S3StorageOptions Storage);

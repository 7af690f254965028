using System.Runtime.InteropServices;
using System.Text;

namespace SpankQrun.Munge;

/// <summary>
/// Makes and checks MUNGE credentials through the local munged. A credential proves the uid and gid of the
/// process that made it; munged refuses to decode one twice (replay) or after its time to live.
/// </summary>
public static unsafe class MungeCredentials
{
    /// <summary>The longest credential accepted for decoding (a request header; MUNGE's own are far shorter).</summary>
    public const int MaxCredentialLength = 8192;

    /// <summary>Makes a credential for the calling process carrying <paramref name="payload"/>.</summary>
    /// <exception cref="MungeException">munged is unreachable or refused.</exception>
    public static string Encode(ReadOnlySpan<byte> payload)
    {
        var context = CreateContext();
        try
        {
            byte* credential = null;
            int status;
            fixed (byte* data = payload)
                status = NativeMethods.Encode(&credential, context, data, payload.Length);
            try
            {
                if (status != 0 || credential is null)
                    throw new MungeException((MungeStatus)status, MungeMessages.EncodeFailed(ErrorText(context, status)));
                return Marshal.PtrToStringUTF8((nint)credential) ?? string.Empty;
            }
            finally
            {
                if (credential is not null)
                    NativeMemory.Free(credential);
            }
        }
        finally
        {
            NativeMethods.ContextDestroy(context);
        }
    }

    /// <summary>Makes a credential carrying <paramref name="payload"/> as UTF-8.</summary>
    public static string Encode(string payload) => Encode(Encoding.UTF8.GetBytes(payload));

    /// <summary>
    /// Asks munged about <paramref name="credential"/>. Never throws for a bad credential: the status says why.
    /// </summary>
    /// <exception cref="MungeException">libmunge cannot be loaded or a context cannot be made.</exception>
    public static MungeDecodeResult Decode(string credential)
    {
        if (credential.Length > MaxCredentialLength)
            return Refused(MungeStatus.BadLength, MungeMessages.CredentialTooLong(MaxCredentialLength));
        foreach (var c in credential)
        {
            if (c is < (char)0x21 or > (char)0x7e)
                return Refused(MungeStatus.BadCredential, MungeMessages.CredentialNotAscii);
        }

        var bytes = new byte[credential.Length + 1];
        Encoding.ASCII.GetBytes(credential, bytes);
        var context = CreateContext();
        try
        {
            byte* payload = null;
            int length = 0;
            uint uid = uint.MaxValue, gid = uint.MaxValue;
            int status;
            fixed (byte* text = bytes)
                status = NativeMethods.Decode(text, context, &payload, &length, &uid, &gid);
            try
            {
                var data = payload is null || length <= 0 ? [] : new ReadOnlySpan<byte>(payload, length).ToArray();
                var message = status == 0 ? "Success" : ErrorText(context, status);
                var (encoded, ttl) = status is 0 or (int)MungeStatus.Expired or (int)MungeStatus.Replayed or (int)MungeStatus.Rewound
                    ? ReadTimes(context)
                    : (null, null);
                return new MungeDecodeResult((MungeStatus)status, uid, gid, data, encoded, ttl, message);
            }
            finally
            {
                if (payload is not null)
                    NativeMemory.Free(payload);
            }
        }
        finally
        {
            NativeMethods.ContextDestroy(context);
        }
    }

    private static MungeDecodeResult Refused(MungeStatus status, string message) =>
        new(status, uint.MaxValue, uint.MaxValue, [], null, null, message);

    private static nint CreateContext()
    {
        nint context;
        try
        {
            context = NativeMethods.ContextCreate();
        }
        catch (DllNotFoundException e)
        {
            throw new MungeException(MungeStatus.Snafu, MungeMessages.LibraryMissing(e.Message));
        }

        return context == 0 ? throw new MungeException(MungeStatus.NoMemory, MungeMessages.ContextFailed) : context;
    }

    private static (DateTimeOffset?, TimeSpan?) ReadTimes(nint context)
    {
        long encodeTime = 0;
        int ttl = 0;
        DateTimeOffset? encoded = NativeMethods.ContextGetTime(context, NativeMethods.OptionEncodeTime, &encodeTime) == 0
            ? DateTimeOffset.FromUnixTimeSeconds(encodeTime)
            : null;
        TimeSpan? life = NativeMethods.ContextGetInt(context, NativeMethods.OptionTtl, &ttl) == 0 ? TimeSpan.FromSeconds(ttl) : null;
        return (encoded, life);
    }

    private static string ErrorText(nint context, int status)
    {
        var text = NativeMethods.ContextStrError(context);
        if (text is null)
            text = NativeMethods.StrError(status);
        return Marshal.PtrToStringUTF8((nint)text) ?? $"munge error {status}";
    }
}

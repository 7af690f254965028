using System.Runtime.InteropServices;

namespace SpankQrun.Munge;

/// <summary>The libmunge functions used; libmunge allocates with malloc and the caller frees.</summary>
internal static unsafe partial class NativeMethods
{
    private const string Library = "libmunge.so.2";

    public const int OptionTtl = 4;
    public const int OptionEncodeTime = 6;

    [LibraryImport(Library, EntryPoint = "munge_encode")]
    public static partial int Encode(byte** credential, nint context, byte* payload, int length);

    [LibraryImport(Library, EntryPoint = "munge_decode")]
    public static partial int Decode(byte* credential, nint context, byte** payload, int* length, uint* uid, uint* gid);

    [LibraryImport(Library, EntryPoint = "munge_strerror")]
    public static partial byte* StrError(int status);

    [LibraryImport(Library, EntryPoint = "munge_ctx_create")]
    public static partial nint ContextCreate();

    [LibraryImport(Library, EntryPoint = "munge_ctx_destroy")]
    public static partial void ContextDestroy(nint context);

    [LibraryImport(Library, EntryPoint = "munge_ctx_strerror")]
    public static partial byte* ContextStrError(nint context);

    // munge_ctx_get is variadic; with one pointer after two named integer-class arguments the
    // x86-64 and AArch64 Linux calling conventions pass it exactly like this fixed signature.
    [LibraryImport(Library, EntryPoint = "munge_ctx_get")]
    public static partial int ContextGetInt(nint context, int option, int* value);

    [LibraryImport(Library, EntryPoint = "munge_ctx_get")]
    public static partial int ContextGetTime(nint context, int option, long* value);
}

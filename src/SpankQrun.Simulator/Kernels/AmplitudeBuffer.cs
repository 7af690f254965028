using System.Numerics;
using System.Runtime.InteropServices;

namespace SpankQrun.Simulator.Kernels;

/// <summary>
/// Memory for a state's amplitudes, outside the GC heap so that it can be placed and advised. From 2 MiB up it is
/// aligned to 2 MiB and, on Linux, advised for transparent huge pages (madvise MADV_HUGEPAGE, which Debian's default
/// THP setting, "madvise", waits for): a gate's pass over a large state then needs one TLB entry per 2 MiB instead
/// of per 4 KiB, which made the C reference kernel's single-gate passes 3–15% faster at 20–24 qubits
/// (docs/simulator.md). Smaller buffers are aligned to a cache line. The contents start undefined.
/// </summary>
/// <remarks>
/// Dispose it when done; the finalizer is the backstop. A span from <see cref="Span"/> must not outlive the owner's
/// last use (a <c>using</c> around the owner keeps it reachable).
/// </remarks>
internal sealed unsafe partial class AmplitudeBuffer : IDisposable
{
    private const nuint HugePageBytes = 2 << 20;
    private const nuint CacheLineBytes = 64;
    private const int MadviseHugePage = 14;

    private readonly long _bytes;
    private nint _address;

    /// <param name="length">Amplitudes to hold (at least one).</param>
    public AmplitudeBuffer(int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        Length = length;
        var bytes = (nuint)length * (nuint)sizeof(Complex);
        var alignment = bytes >= HugePageBytes ? HugePageBytes : CacheLineBytes;
        var size = (bytes + alignment - 1) & ~(alignment - 1);
        var pointer = NativeMemory.AlignedAlloc(size, alignment);
        if (alignment == HugePageBytes)
        {
            HugePagesAdvised = AdviseHugePages(pointer, size);
        }

        _address = (nint)pointer;
        _bytes = (long)size;
        GC.AddMemoryPressure(_bytes);
    }

    ~AmplitudeBuffer() => Free();

    public int Length { get; }

    /// <summary>Whether the system accepted the huge-page advice (Linux, 2 MiB and more).</summary>
    public bool HugePagesAdvised { get; }

    public Span<Complex> Span
    {
        get
        {
            var address = _address;
            ObjectDisposedException.ThrowIf(address == 0, this);
            return new Span<Complex>((void*)address, Length);
        }
    }

    public void Dispose()
    {
        Free();
        GC.SuppressFinalize(this);
    }

    private static bool AdviseHugePages(void* pointer, nuint size)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        // Advice only: a kernel without THP, or a C library without the symbol, leaves ordinary pages.
        try
        {
            return Madvise(pointer, size, MadviseHugePage) == 0;
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(void* address, nuint length, int advice);

    private void Free()
    {
        var address = Interlocked.Exchange(ref _address, 0);
        if (address != 0)
        {
            NativeMemory.AlignedFree((void*)address);
            GC.RemoveMemoryPressure(_bytes);
        }
    }
}

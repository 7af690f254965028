using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SpankQrun.Simulator.Kernels;

namespace SpankQrun.Simulator.Tests.Kernels;

public sealed unsafe class AmplitudeBufferTests
{
    private const long HugePageBytes = 2 << 20;

    [Fact]
    public void A_buffer_of_2_MiB_or_more_is_2_MiB_aligned_and_its_memory_is_advised_for_huge_pages()
    {
        // 2^18 amplitudes of 16 bytes: 4 MiB, the state of 18 qubits.
        using var buffer = new AmplitudeBuffer(1 << 18);
        var address = AddressOf(buffer.Span);

        Assert.Equal(0, address % HugePageBytes);
        Assert.True(OperatingSystem.IsLinux(), "these tests run on Linux");
        Assert.True(buffer.HugePagesAdvised);
        // The kernel's own record of the advice: "hg" in the flags of the mapping that holds the buffer.
        Assert.Contains("hg", VmFlagsAt(address));
    }

    [Fact]
    public void A_buffer_under_2_MiB_is_cache_line_aligned_and_not_advised()
    {
        using var buffer = new AmplitudeBuffer(1 << 10);

        Assert.Equal(0, AddressOf(buffer.Span) % 64);
        Assert.False(buffer.HugePagesAdvised);
        Assert.Equal(1 << 10, buffer.Span.Length);
    }

    [Fact]
    public void A_disposed_buffer_refuses_its_span_and_a_second_dispose_is_harmless()
    {
        var buffer = new AmplitudeBuffer(1 << 18);
        buffer.Span.Fill(Complex.One);

        buffer.Dispose();
        buffer.Dispose();

        Assert.Throws<ObjectDisposedException>(() => buffer.Span.Length);
    }

    [Fact]
    public void A_large_state_starts_at_zero_in_advised_memory()
    {
        using var state = new StateVector(18, threads: 1);

        Assert.True(state.HugePagesAdvised);
        Assert.Equal(Complex.One, state.Amplitudes[0]);
        Assert.True(state.Amplitudes[1..].IndexOfAnyExcept(Complex.Zero) < 0);
    }

    private static long AddressOf(Span<Complex> span) => (long)(nint)Unsafe.AsPointer(ref MemoryMarshal.GetReference(span));

    /// <summary>The VmFlags line of the mapping in /proc/self/smaps that contains <paramref name="address"/>.</summary>
    private static string VmFlagsAt(long address)
    {
        var inside = false;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            var dash = line.IndexOf('-', StringComparison.Ordinal);
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (dash > 0 && space > dash && long.TryParse(line.AsSpan(0, dash), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var start)
                && long.TryParse(line.AsSpan(dash + 1, space - dash - 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var end))
            {
                inside = start <= address && address < end;
            }
            else if (inside && line.StartsWith("VmFlags:", StringComparison.Ordinal))
            {
                return line;
            }
        }

        throw new InvalidOperationException($"no mapping in /proc/self/smaps holds 0x{address:x}");
    }
}

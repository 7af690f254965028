using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace SpankQrun.Primitives;

/// <summary>
/// NumPy's .npy format (version 1.0–3.0 headers, C order) as qiskit-ibm-runtime's RuntimeEncoder carries arrays:
/// <c>base64(zlib(np.save(array)))</c>. Reads numeric arrays; writes float64 and uint8 arrays.
/// </summary>
public static class Npy
{
    /// <summary>The largest decompressed array accepted (an input bound).</summary>
    public const int MaxBytes = 64 * 1024 * 1024;

    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>A decoded array: its shape and its elements as doubles, row-major.</summary>
    public sealed record NpyArray(int[] Shape, double[] Values);

    /// <summary>Decodes RuntimeEncoder's ndarray string; throws <see cref="FormatException"/> with a reason.</summary>
    public static NpyArray DecodeBase64Zlib(string value)
    {
        byte[] compressed;
        try
        {
            compressed = Convert.FromBase64String(value);
        }
        catch (FormatException)
        {
            throw new FormatException("not base64");
        }

        using var input = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        try
        {
            while ((read = input.Read(buffer)) > 0)
            {
                if (output.Length + read > MaxBytes)
                {
                    throw new FormatException($"the array is larger than {MaxBytes} bytes");
                }

                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException)
        {
            throw new FormatException("not zlib-compressed data");
        }

        return Parse(output.ToArray());
    }

    /// <summary>Parses .npy bytes.</summary>
    public static NpyArray Parse(ReadOnlySpan<byte> npy)
    {
        if (npy.Length < 10 || !npy[..6].SequenceEqual(Magic))
        {
            throw new FormatException("not a NumPy .npy array");
        }

        var major = npy[6];
        int headerLength, headerStart;
        if (major == 1)
        {
            headerLength = BinaryPrimitives.ReadUInt16LittleEndian(npy[8..]);
            headerStart = 10;
        }
        else if (major is 2 or 3 && npy.Length >= 12)
        {
            headerLength = checked((int)BinaryPrimitives.ReadUInt32LittleEndian(npy[8..]));
            headerStart = 12;
        }
        else
        {
            throw new FormatException($".npy version {major} is not supported");
        }

        if (headerStart + headerLength > npy.Length)
        {
            throw new FormatException("the .npy header is truncated");
        }

        var header = Encoding.Latin1.GetString(npy.Slice(headerStart, headerLength));
        var descr = HeaderValue(header, "descr").Trim('\'', '"');
        if (HeaderValue(header, "fortran_order") != "False")
        {
            throw new FormatException("Fortran-ordered arrays are not supported");
        }

        var shapeText = HeaderValue(header, "shape").Trim('(', ')');
        var shape = shapeText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => int.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();
        long count = 1;
        foreach (var dimension in shape)
        {
            count = checked(count * dimension);
        }

        var data = npy[(headerStart + headerLength)..];
        var (size, read) = Element(descr);
        if (count * size > data.Length)
        {
            throw new FormatException($"the .npy data holds fewer than the {count} elements of shape ({shapeText})");
        }

        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = read(data.Slice(i * size, size));
        }

        return new NpyArray(shape, values);
    }

    /// <summary>RuntimeEncoder's ndarray string for a float64 array of <paramref name="shape"/>.</summary>
    public static string EncodeFloat64(IReadOnlyList<int> shape, ReadOnlySpan<double> values)
    {
        var data = new byte[values.Length * 8];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(data.AsSpan(i * 8), values[i]);
        }

        return Compress(Build("<f8", shape, data));
    }

    /// <summary>RuntimeEncoder's ndarray string for a uint8 array of <paramref name="shape"/>.</summary>
    public static string EncodeUInt8(IReadOnlyList<int> shape, ReadOnlySpan<byte> values) => Compress(Build("|u1", shape, values));

    /// <summary>.npy version 1.0 bytes, the header padded so the data starts at a multiple of 64.</summary>
    public static byte[] Build(string descr, IReadOnlyList<int> shape, ReadOnlySpan<byte> data)
    {
        var dimensions = shape.Count == 1
            ? string.Create(CultureInfo.InvariantCulture, $"{shape[0]},")
            : string.Join(", ", shape.Select(dimension => dimension.ToString(CultureInfo.InvariantCulture)));
        var header = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': ({dimensions}), }}";
        var padded = header.PadRight(((10 + header.Length + 1 + 63) / 64 * 64) - 10 - 1) + "\n";
        using var stream = new MemoryStream();
        stream.Write(Magic);
        stream.WriteByte(1);
        stream.WriteByte(0);
        Span<byte> length = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(length, (ushort)padded.Length);
        stream.Write(length);
        stream.Write(Encoding.Latin1.GetBytes(padded));
        stream.Write(data);
        return stream.ToArray();
    }

    private static string Compress(byte[] npy)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(npy);
        }

        return Convert.ToBase64String(output.ToArray());
    }

    private delegate double ElementReader(ReadOnlySpan<byte> bytes);

    private static (int Size, ElementReader Read) Element(string descr) => descr switch
    {
        "<f8" => (8, bytes => BinaryPrimitives.ReadDoubleLittleEndian(bytes)),
        "<f4" => (4, bytes => BinaryPrimitives.ReadSingleLittleEndian(bytes)),
        "<i8" => (8, bytes => BinaryPrimitives.ReadInt64LittleEndian(bytes)),
        "<i4" => (4, bytes => BinaryPrimitives.ReadInt32LittleEndian(bytes)),
        "<i2" => (2, bytes => BinaryPrimitives.ReadInt16LittleEndian(bytes)),
        "|i1" => (1, bytes => (sbyte)bytes[0]),
        "<u8" => (8, bytes => BinaryPrimitives.ReadUInt64LittleEndian(bytes)),
        "<u4" => (4, bytes => BinaryPrimitives.ReadUInt32LittleEndian(bytes)),
        "<u2" => (2, bytes => BinaryPrimitives.ReadUInt16LittleEndian(bytes)),
        "|u1" => (1, bytes => bytes[0]),
        "|b1" => (1, bytes => bytes[0] != 0 ? 1 : 0),
        _ => throw new FormatException($"arrays of dtype '{descr}' are not supported; use real numbers (float64)"),
    };

    private static string HeaderValue(string header, string key)
    {
        var at = header.IndexOf($"'{key}'", StringComparison.Ordinal);
        if (at < 0)
        {
            throw new FormatException($"the .npy header has no '{key}'");
        }

        var colon = header.IndexOf(':', at);
        var rest = header[(colon + 1)..].TrimStart();
        var end = rest.StartsWith('(') ? rest.IndexOf(')', StringComparison.Ordinal) + 1 : rest.IndexOfAny([',', '}']);
        return end <= 0 ? throw new FormatException($"the .npy header's '{key}' is malformed") : rest[..end].Trim();
    }
}

using System.IO.Compression;
using System.Text;
using SpankQrun.Primitives;
using Xunit;

namespace SpankQrun.Qrun.Tests.Unit;

/// <summary>RuntimeEncoder values in PUBs: decoded to plain arrays, or refused with the JSON path and the reason.</summary>
public sealed class RuntimeEncodingTests
{
    private const string Circuit = "OPENQASM 3.0; input float[64] a; input float[64] b; bit[1] c; rx(a) $0; ry(b) $0; c[0] = measure $0;";

    [Fact]
    public void Float64Ndarray_RoundTripsThroughNpy()
    {
        var encoded = Npy.EncodeFloat64([2, 2], [1.5, -2, 0, 3.25]);

        var decoded = Npy.DecodeBase64Zlib(encoded);

        Assert.Equal([2, 2], decoded.Shape);
        Assert.Equal([1.5, -2, 0, 3.25], decoded.Values);
    }

    [Fact]
    public void EncodedParameterValues_BecomePlainNestedArrays()
    {
        var document = Document($$"""[["{{Circuit}}", {"__type__": "ndarray", "__value__": "{{Npy.EncodeFloat64([1, 2], [0.5, 0.25])}}"}]]""");

        var plain = RuntimeEncoding.Decode(document, out var error);

        Assert.Null(error);
        Assert.Contains("[[0.5,0.25]]", Encoding.UTF8.GetString(plain!), StringComparison.Ordinal);
        Assert.Empty(PubsValidator.Validate(document, PrimitiveKind.Sampler));
    }

    [Theory]
    [InlineData("\"not base64!\"", "not base64")]
    [InlineData("\"AAAA\"", "not zlib-compressed data")]
    public void UndecodableNdarray_NamesThePath(string value, string reason)
    {
        var document = Document($$"""[["{{Circuit}}", {"__type__": "ndarray", "__value__": {{value}}}]]""");

        var errors = PubsValidator.Validate(document, PrimitiveKind.Sampler);

        var error = Assert.Single(errors);
        Assert.Equal("$.pubs[0][1]", error.JsonPath);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FortranOrderAndComplexArrays_AreRefusedWithTheReason()
    {
        var fortran = Compress(Encoding.Latin1.GetBytes("\x93NUMPY\x01\x00").Concat(Header("{'descr': '<f8', 'fortran_order': True, 'shape': (1,), }")).Concat(new byte[8]).ToArray());
        var complex = Compress(Npy.Build("<c16", [1], new byte[16]));

        Assert.Contains("Fortran", Decode(fortran), StringComparison.Ordinal);
        Assert.Contains("dtype '<c16'", Decode(complex), StringComparison.Ordinal);
    }

    [Fact]
    public void HugeDecompressedArray_IsRefusedNotAllocated()
    {
        // 65 MiB of zeros compress to about 64 KiB: the bound is on what comes out.
        var zeros = new byte[Npy.MaxBytes + (1024 * 1024)];
        var bomb = Compress(Npy.Build("|u1", [zeros.Length], zeros));

        Assert.Contains("larger than", Decode(bomb), StringComparison.Ordinal);
    }

    private static string Decode(string base64)
    {
        var errors = PubsValidator.Validate(Document($$"""[["{{Circuit}}", {"__type__": "ndarray", "__value__": "{{base64}}"}]]"""), PrimitiveKind.Sampler);
        return Assert.Single(errors).Message;
    }

    private static byte[] Header(string text)
    {
        var padded = text.PadRight(117) + "\n";
        return [.. BitConverter.GetBytes((ushort)padded.Length), .. Encoding.Latin1.GetBytes(padded)];
    }

    private static string Compress(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            zlib.Write(bytes);
        }

        return Convert.ToBase64String(output.ToArray());
    }

    private static byte[] Document(string pubs) => Encoding.UTF8.GetBytes($$"""{"pubs": {{pubs}}, "version": 2, "support_qiskit": true}""");
}

using System.Text.Json;

namespace SpankQrun.Simulator.Execution;

internal static class ResultWriter
{
    /// <summary>Writes a nested JSON array of <paramref name="shape"/>, each element by flat row-major index; a scalar when the shape is empty.</summary>
    public static void WriteNested(Utf8JsonWriter writer, IReadOnlyList<int> shape, Action<int> writeElement)
    {
        var flat = 0;
        Write(0);

        void Write(int axis)
        {
            if (axis == shape.Count)
            {
                writeElement(flat++);
                return;
            }

            writer.WriteStartArray();
            for (var i = 0; i < shape[axis]; i++)
            {
                Write(axis + 1);
            }

            writer.WriteEndArray();
        }
    }

    /// <summary>Qiskit's hex form of a register value: bit 0 is the least significant, "0x0" when all bits are 0.</summary>
    public static string ToHex(ReadOnlySpan<byte> bits)
    {
        var digits = (bits.Length + 3) / 4;
        Span<char> buffer = digits <= 256 ? stackalloc char[digits] : new char[digits];
        var used = 0;
        for (var digit = digits - 1; digit >= 0; digit--)
        {
            var value = 0;
            for (var b = 3; b >= 0; b--)
            {
                var index = (digit * 4) + b;
                value = (value << 1) | (index < bits.Length ? bits[index] : 0);
            }

            if (used == 0 && value == 0)
            {
                continue;
            }

            buffer[used++] = "0123456789abcdef"[value];
        }

        return used == 0 ? "0x0" : string.Concat("0x", buffer[..used]);
    }
}

using System.Text;

namespace SpankQrun.Qrun.Tests.Infrastructure;

/// <summary>A string writer that can be read while qrun is still writing (for tests that wait for a status line).</summary>
internal sealed class SynchronizedStringWriter : TextWriter
{
    private readonly StringBuilder builder = new();
    private readonly Lock gate = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (gate)
        {
            builder.Append(value);
        }
    }

    public override void Write(string? value)
    {
        lock (gate)
        {
            builder.Append(value);
        }
    }

    public override string ToString()
    {
        lock (gate)
        {
            return builder.ToString();
        }
    }
}

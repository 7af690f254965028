using System.Runtime.InteropServices;
using System.Text;
using SpankQrun.Plugin.Core;
using SpankQrun.Plugin.Interop;

namespace SpankQrun.Plugin;

/// <summary>
/// <see cref="ISpankHost"/> over the C glue's host table. Valid only for the duration of the callback that
/// received the table. Strings cross as NUL-terminated UTF-8 in memory this class allocates and frees.
/// </summary>
internal sealed unsafe class SlurmSpankHost(QrunHost* host) : ISpankHost
{
    public SpankContext Context => (SpankContext)host->Context;

    public void Log(PluginLogLevel level, string message)
    {
        var utf8 = ToUtf8(message);
        try
        {
            host->Log((int)level, utf8);
        }
        finally
        {
            NativeMemory.Free(utf8);
        }
    }

    public bool TrySetEnvironment(string name, string value)
    {
        var nameUtf8 = ToUtf8(name);
        var valueUtf8 = ToUtf8(value);
        try
        {
            return host->SetEnv(host->Spank, nameUtf8, valueUtf8) == 0;
        }
        finally
        {
            // The value may be a secret: wipe it before handing the memory back.
            NativeMemory.Clear(valueUtf8, (nuint)Encoding.UTF8.GetByteCount(value));
            NativeMemory.Free(valueUtf8);
            NativeMemory.Free(nameUtf8);
        }
    }

    public bool TryGetItem(SpankItem item, out uint value)
    {
        uint result = 0;
        var ok = host->GetU32Item(host->Spank, (int)item, &result) == 0;
        value = result;
        return ok;
    }

    private static byte* ToUtf8(string text)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        var buffer = (byte*)NativeMemory.Alloc((nuint)length + 1);
        Encoding.UTF8.GetBytes(text, new Span<byte>(buffer, length));
        buffer[length] = 0;
        return buffer;
    }
}

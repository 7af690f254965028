using System.Runtime.InteropServices;
using System.Text;
using SpankQrun.Plugin.Core;

namespace SpankQrun.Plugin.Interop;

/// <summary>
/// <see cref="ISpankHost"/> over the C glue's host table. Valid only for the duration of the callback that
/// received the table. Strings cross as NUL-terminated UTF-8 in memory this class allocates and frees.
/// </summary>
internal sealed unsafe class SlurmSpankHost(HostTable* table) : ISpankHost
{
    // Slurm's own limit for one environment value read through spank_getenv is the caller's buffer.
    private const int EnvironmentValueCapacity = 4096;

    public void Log(PluginLogLevel level, string message)
    {
        var utf8 = ToUtf8(message);
        try
        {
            table->Log((int)level, utf8);
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
            return table->SetEnv(table->Spank, nameUtf8, valueUtf8) == 0;
        }
        finally
        {
            NativeMemory.Free(valueUtf8);
            NativeMemory.Free(nameUtf8);
        }
    }

    public bool TryUnsetEnvironment(string name)
    {
        var nameUtf8 = ToUtf8(name);
        try
        {
            return table->UnsetEnv(table->Spank, nameUtf8) == 0;
        }
        finally
        {
            NativeMemory.Free(nameUtf8);
        }
    }

    public string? GetEnvironment(string name)
    {
        var nameUtf8 = ToUtf8(name);
        var buffer = (byte*)NativeMemory.Alloc(EnvironmentValueCapacity);
        try
        {
            return table->GetEnv(table->Spank, nameUtf8, buffer, EnvironmentValueCapacity) == 0
                ? NativeStrings.Read(buffer)
                : null;
        }
        finally
        {
            NativeMemory.Free(buffer);
            NativeMemory.Free(nameUtf8);
        }
    }

    public bool TryGetItem(SpankItem item, out uint value)
    {
        uint result = 0;
        var ok = table->GetU32Item(table->Spank, (int)item, &result) == 0;
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

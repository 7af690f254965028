using System.Reflection;

namespace SpankQrun.Gateway;

/// <summary>The gateway's version, from the assembly.</summary>
public static class GatewayVersion
{
    public static string Text { get; } =
        typeof(GatewayVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}

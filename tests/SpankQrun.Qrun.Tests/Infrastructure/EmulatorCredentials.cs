namespace SpankQrun.Qrun.Tests.Infrastructure;

/// <summary>The emulator's default credentials (contracts.md).</summary>
internal static class EmulatorCredentials
{
    public const string AppIdClientId = "demo";
    public const string AppIdSecret = "demopass";
    public const string IamApiKey = "demo-apikey";
    public const string ServiceCrn = "crn:v1:local:quantum-computing:emulator::";
}

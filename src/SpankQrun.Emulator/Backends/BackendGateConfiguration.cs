namespace SpankQrun.Emulator.Backends;

/// <summary>Wire form of a gate entry in a backend configuration document.</summary>
public sealed record BackendGateConfiguration(string Name, IReadOnlyList<string> Parameters, string Qasmdef);

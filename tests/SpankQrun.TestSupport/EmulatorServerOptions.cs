namespace SpankQrun.TestSupport;

/// <summary>
/// How to start the emulator: <paramref name="ConfigJson"/> is the content of its configuration file (null: the
/// emulator.json shipped beside it); <paramref name="StateDirectory"/> keeps job state (null: a fresh temporary
/// directory, removed on dispose).
/// </summary>
public sealed record EmulatorServerOptions(string? ConfigJson = null, string? StateDirectory = null);

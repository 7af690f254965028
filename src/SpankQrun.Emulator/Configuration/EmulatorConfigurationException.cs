namespace SpankQrun.Emulator.Configuration;

/// <summary>The configuration file or a command-line option is unusable; the message says what and where.</summary>
public sealed class EmulatorConfigurationException(string message) : Exception(message);

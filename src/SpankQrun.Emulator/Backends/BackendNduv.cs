namespace SpankQrun.Emulator.Backends;

/// <summary>Wire form of an IBM "name, date, unit, value" property.</summary>
public sealed record BackendNduv(DateTimeOffset Date, string Name, string Unit, double Value);

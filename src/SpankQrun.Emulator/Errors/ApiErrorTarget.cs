namespace SpankQrun.Emulator.Errors;

/// <summary>What an error is about: <see cref="Type"/> is <c>field</c>, <c>parameter</c> or <c>header</c>.</summary>
public sealed record ApiErrorTarget(string Name, string Type);

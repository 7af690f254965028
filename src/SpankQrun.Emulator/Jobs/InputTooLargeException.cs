namespace SpankQrun.Emulator.Jobs;

/// <summary>The input object is larger than max_input_bytes; the message names it without its query string.</summary>
public sealed class InputTooLargeException(string message) : Exception(message);

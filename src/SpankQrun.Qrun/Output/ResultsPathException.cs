namespace SpankQrun.Qrun.Output;

/// <summary>The --results file cannot be written; the message names the path and the reason.</summary>
internal sealed class ResultsPathException(string message, Exception? innerException = null) : Exception(message, innerException);

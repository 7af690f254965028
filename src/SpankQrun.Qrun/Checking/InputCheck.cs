using SpankQrun.Primitives;
using SpankQrun.Qrun.Output;
using SpankQrun.Simulator;
using SpankQrun.Variables;

namespace SpankQrun.Qrun.Checking;

/// <summary>
/// The offline check of a PUBs file with the emulator's own front end (shape, circuits parsed and bound, parameter
/// counts). Used before every upload, and alone by <c>qrun --check INPUT</c>, which needs no environment.
/// </summary>
internal static class InputCheck
{
    /// <summary><c>qrun --check</c>: 0 when the file is valid, 2 otherwise.</summary>
    public static int Run(string path, Func<string, string?> environment, Reporter reporter)
    {
        var input = Read(path, reporter);
        if (input is null)
        {
            return ExitCodes.UsageOrConfiguration;
        }

        // The job's primitive when qrun runs inside one; otherwise what the document looks like.
        var kind = PrimitiveKinds.TryParse(environment(IbmQrunVariables.Primitive), out var fromJob)
            ? fromJob
            : PrimitiveGuess.Of(input) ?? PrimitiveKind.Sampler;
        if (!Validate(path, input, kind, reporter))
        {
            return ExitCodes.UsageOrConfiguration;
        }

        reporter.Line(QrunMessages.InputValid(path, kind.ToProgramId()));
        return ExitCodes.Completed;
    }

    /// <summary>Reads the file, or reports why it cannot and returns null.</summary>
    public static byte[]? Read(string path, Reporter reporter)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > MaxInputBytes)
            {
                reporter.Line(QrunMessages.InputTooLarge(path, info.Length, MaxInputBytes));
                return null;
            }

            return File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            reporter.Line(QrunMessages.InputUnreadable(path, exception.Message));
            return null;
        }
    }

    /// <summary>The most qrun reads and uploads as one PUBs file.</summary>
    public const long MaxInputBytes = 256L * 1024 * 1024;

    /// <summary>
    /// True when <paramref name="input"/> is a valid <paramref name="kind"/> document; otherwise reports it: a
    /// document written for the other primitive in one line, else every problem under one heading.
    /// </summary>
    public static bool Validate(string path, byte[] input, PrimitiveKind kind, Reporter reporter)
    {
        var problems = PrimitiveChecker.Check(kind, input);
        if (problems.Count == 0)
        {
            return true;
        }

        if (PrimitiveGuess.Of(input) is { } other && other != kind)
        {
            reporter.Line(QrunMessages.PrimitiveMismatch(path, other.ToProgramId(), kind.ToProgramId()));
            return false;
        }

        reporter.Line(QrunMessages.InputInvalid(path, kind.ToProgramId(), problems.Count));
        foreach (var problem in problems)
        {
            reporter.Line(QrunMessages.InputProblem(problem));
        }

        return false;
    }
}

using SpankQrun.TestSupport;
namespace SpankQrun.Slurm.Tests.Infrastructure;

/// <summary>The environment one task saw, as capture.sh wrote it.</summary>
public sealed record CapturedEnvironment(string ArrayTask, int Rank, string Node, IReadOnlyDictionary<string, string> Variables)
{
    public static CapturedEnvironment Read(string path)
    {
        var parts = Path.GetFileName(path).Split('.');
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(path))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
                variables[line[..equals]] = line[(equals + 1)..];
        }

        return new CapturedEnvironment(parts[2], int.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture), parts[4], variables);
    }

    /// <summary>Only the IBMQRUN_* variables.</summary>
    public IReadOnlyDictionary<string, string> QrunVariables =>
        Variables.Where(v => v.Key.StartsWith("IBMQRUN_", StringComparison.Ordinal)).ToDictionary(v => v.Key, v => v.Value);
}

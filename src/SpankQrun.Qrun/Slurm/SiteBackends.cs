namespace SpankQrun.Qrun.Slurm;

/// <summary>
/// The backends this site offers, read from the spank_ibm_qrun line's <c>backends=</c> in plugstack.conf (which every
/// user can read), for hints only: qrun never needs it to run. Bounded: small files, one level of includes.
/// </summary>
internal static class SiteBackends
{
    private const long MaxFileBytes = 256 * 1024;
    private const int MaxIncludedFiles = 64;

    public static string DefaultPlugstackPath(Func<string, string?> environment)
    {
        var slurmConf = environment("SLURM_CONF");
        var directory = string.IsNullOrWhiteSpace(slurmConf) ? "/etc/slurm" : Path.GetDirectoryName(slurmConf) ?? "/etc/slurm";
        return Path.Combine(directory, "plugstack.conf");
    }

    /// <summary>The names on the plugin's <c>backends=</c>, or empty when there is none or the file cannot be read.</summary>
    public static IReadOnlyList<string> Read(string plugstackPath)
    {
        try
        {
            foreach (var line in Lines(plugstackPath, includeDepth: 1))
            {
                var words = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                if (words.Length < 2 || !words[1].EndsWith("spank_ibm_qrun.so", StringComparison.Ordinal))
                {
                    continue;
                }

                var backends = words.Skip(2).FirstOrDefault(word => word.StartsWith("backends=", StringComparison.Ordinal));
                return backends is null ? [] : backends["backends=".Length..].Split(',', StringSplitOptions.RemoveEmptyEntries);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // Hints are a courtesy: without the file, qrun says "a backend this site offers".
        }

        return [];
    }

    private static IEnumerable<string> Lines(string path, int includeDepth)
    {
        if (!File.Exists(path) || new FileInfo(path).Length > MaxFileBytes)
        {
            yield break;
        }

        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.StartsWith("include", StringComparison.Ordinal) && includeDepth > 0)
            {
                var pattern = line["include".Length..].Trim();
                var directory = Path.GetDirectoryName(pattern);
                if (string.IsNullOrEmpty(directory) || !Directory.Exists(directory))
                {
                    continue;
                }

                foreach (var file in Directory.EnumerateFiles(directory, Path.GetFileName(pattern)).Order().Take(MaxIncludedFiles))
                {
                    foreach (var included in Lines(file, includeDepth - 1))
                    {
                        yield return included;
                    }
                }
            }
            else if (line.Length > 0 && line[0] != '#')
            {
                yield return line;
            }
        }
    }
}

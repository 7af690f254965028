namespace SpankQrun.TestSupport;

/// <summary>Finds the repository root: the nearest directory, from the test binary upwards, holding spank-qrun.slnx.</summary>
internal static class RepositoryRoot
{
    public const string SolutionFile = "spank-qrun.slnx";

    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
                return directory.FullName;
        }

        throw new InvalidOperationException($"no {SolutionFile} found in {AppContext.BaseDirectory} or any parent directory");
    }
}

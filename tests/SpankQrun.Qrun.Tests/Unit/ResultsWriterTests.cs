using SpankQrun.Qrun.Output;
using SpankQrun.Qrun.Tests.Infrastructure;
using Xunit;

namespace SpankQrun.Qrun.Tests.Unit;

public sealed class ResultsWriterTests
{
    [Fact]
    public void WriteAtomically_ExistingFile_IsReplacedWholeAndNoTemporaryRemains()
    {
        using var scratch = new ScratchDirectory();
        var path = scratch.Write("results.json", "old");

        ResultsWriter.WriteAtomically(path, "{\"new\":true}"u8);

        Assert.Equal("{\"new\":true}", File.ReadAllText(path));
        Assert.Equal(["results.json"], Directory.GetFiles(scratch.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void WriteAtomically_MissingDirectory_ThrowsNamingThePath()
    {
        using var scratch = new ScratchDirectory();
        var path = Path.Combine(scratch.Path, "missing", "results.json");

        var exception = Assert.Throws<ResultsPathException>(() => ResultsWriter.WriteAtomically(path, "{}"u8));

        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureWritable_Directory_ThrowsSayingItIsADirectory()
    {
        using var scratch = new ScratchDirectory();

        var exception = Assert.Throws<ResultsPathException>(() => ResultsWriter.EnsureWritable(scratch.Path));

        Assert.Contains("is a directory", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureWritable_WritableDirectory_LeavesNoFileBehind()
    {
        using var scratch = new ScratchDirectory();

        ResultsWriter.EnsureWritable(scratch.FilePath("results.json"));

        Assert.Empty(Directory.GetFiles(scratch.Path));
    }
}

using SpankQrun.Qrun.Slurm;
using Xunit;

namespace SpankQrun.Qrun.Tests.Unit;

public sealed class SlurmTimeLeftTests
{
    [Theory]
    [InlineData("0:45", 45)]
    [InlineData("12:34", 12 * 60 + 34)]
    [InlineData("1:02:03", 3600 + 2 * 60 + 3)]
    [InlineData("30:00:00", 30 * 3600)]
    [InlineData("2-03:04:05", 2 * 86400 + 3 * 3600 + 4 * 60 + 5)]
    [InlineData("1-02:03", 86400 + 2 * 3600 + 3 * 60)]
    [InlineData("3-04", 3 * 86400 + 4 * 3600)]
    [InlineData(" 5:00\n", 300)]
    public void TryParse_SqueueTimeLeft_ReturnsSeconds(string text, int expectedSeconds)
    {
        Assert.True(SlurmTimeLeft.TryParse(text, out var timeLeft));
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), timeLeft);
    }

    [Theory]
    [InlineData("UNLIMITED")]
    [InlineData("NOT_SET")]
    public void TryParse_NoLimit_SucceedsWithNull(string text)
    {
        Assert.True(SlurmTimeLeft.TryParse(text, out var timeLeft));
        Assert.Null(timeLeft);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("INVALID")]
    [InlineData("1:60")]
    [InlineData("1-24:00:00")]
    [InlineData("a:00")]
    [InlineData("1:2:3:4")]
    [InlineData("-1:00")]
    public void TryParse_Garbage_Fails(string? text)
    {
        Assert.False(SlurmTimeLeft.TryParse(text, out _));
    }
}

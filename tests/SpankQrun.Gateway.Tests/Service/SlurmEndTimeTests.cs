using SpankQrun.Gateway.Slurm;

namespace SpankQrun.Gateway.Tests.Service;

/// <summary>Reading the EndTime squeue prints (%e), which the gateway hands qrun so that qrun runs no squeue.</summary>
public sealed class SlurmEndTimeTests
{
    [Fact]
    public void An_end_time_is_read_as_UTC()
    {
        Assert.True(SlurmEndTime.TryParse("2026-12-03T13:15:30\n", out var end));

        Assert.Equal(new DateTimeOffset(2026, 12, 3, 13, 15, 30, TimeSpan.Zero), end);
    }

    [Fact]
    public void NONE_is_a_job_without_a_time_limit()
    {
        Assert.True(SlurmEndTime.TryParse(" NONE ", out var end));

        Assert.Null(end);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Unknown")]
    [InlineData("none")]
    [InlineData("13:15:30")]
    [InlineData("2026-12-03 13:15:30")]
    [InlineData("2026-13-03T13:15:30")]
    [InlineData("2026-12-03T13:15:30+01:00")]
    [InlineData("Thu Dec  3 13:15:30 2026")]
    public void Anything_else_is_not_read(string? text)
    {
        Assert.False(SlurmEndTime.TryParse(text, out var end));

        Assert.Null(end);
    }
}

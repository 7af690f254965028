using SpankQrun.Qrun.Running;
using Xunit;

namespace SpankQrun.Qrun.Tests.Unit;

public sealed class PollBackoffTests
{
    private static readonly PollBackoff Backoff = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(10));

    [Theory]
    [InlineData(0, 500)]
    [InlineData(1, 1000)]
    [InlineData(2, 2000)]
    [InlineData(4, 8000)]
    public void DelayFor_UnchangedPolls_DoublesFromInitial(int polls, int expectedMilliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), Backoff.DelayFor(polls));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(64)]
    [InlineData(int.MaxValue)]
    public void DelayFor_ManyPolls_IsCappedAtMax(int polls)
    {
        Assert.Equal(TimeSpan.FromSeconds(10), Backoff.DelayFor(polls));
    }
}

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

    [Fact]
    public void Default_FirstPollsComeWithinTensOfMilliseconds()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(10), PollBackoff.Default.DelayFor(0));
        Assert.Equal(TimeSpan.FromMilliseconds(15), PollBackoff.Default.DelayFor(1));

        // Total wait before the fifth poll of an unchanged status: 10 + 15 + 22.5 + 33.75 ms.
        var waited = Enumerable.Range(0, 4).Sum(polls => PollBackoff.Default.DelayFor(polls).TotalMilliseconds);
        Assert.InRange(waited, 80, 82);
    }

    [Fact]
    public void Default_LongJob_CostsAtMostFourRequestsPerSecond()
    {
        var requests = 0;
        var elapsed = TimeSpan.Zero;
        for (var poll = 0; poll < 1000; poll++)
        {
            requests++;
            elapsed += PollBackoff.Default.DelayFor(poll);
        }

        Assert.Equal(TimeSpan.FromMilliseconds(250), PollBackoff.Default.DelayFor(9));
        Assert.InRange(requests / elapsed.TotalSeconds, 3.9, 4.05);
    }

    [Fact]
    public void DelayFor_GrowthBelowOne_NeverShrinksTheDelay()
    {
        var backoff = new PollBackoff(TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(1), Growth: 0.5);

        Assert.Equal(TimeSpan.FromMilliseconds(10), backoff.DelayFor(5));
    }
}

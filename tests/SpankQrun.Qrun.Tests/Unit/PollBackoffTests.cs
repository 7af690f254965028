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

    [Theory]
    [InlineData(0, 0, 500)]
    [InlineData(0, 120, 380)]
    [InlineData(2, 1500, 500)]
    [InlineData(0, 500, 0)]
    [InlineData(0, 3000, 0)]
    public void WaitAfter_APollThatTookLong_StartsTheNextOneOnTime_NeverEarlierThanAtOnce(int polls, int tookMilliseconds, int expectedMilliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), Backoff.WaitAfter(polls, TimeSpan.FromMilliseconds(tookMilliseconds)));
    }

    [Fact]
    public void Default_FirstPollsComeWithinTensOfMilliseconds()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(5), PollBackoff.Default.DelayFor(0));
        Assert.Equal(TimeSpan.FromMilliseconds(6.25), PollBackoff.Default.DelayFor(1));

        // Total wait before the fifth poll of an unchanged status: 5 + 6.25 + 7.8125 + 9.765625 ms.
        var waited = Enumerable.Range(0, 4).Sum(polls => PollBackoff.Default.DelayFor(polls).TotalMilliseconds);
        Assert.InRange(waited, 28, 30);
    }

    [Fact]
    public void Default_LongJob_CostsAtMostFourRequestsPerSecond()
    {
        var requests = 0;
        var elapsed = TimeSpan.Zero;
        // About 8 minutes of one unchanged status; the first 1.1 s (18 quicker polls) adds under 1%.
        for (var poll = 0; poll < 2000; poll++)
        {
            requests++;
            elapsed += PollBackoff.Default.DelayFor(poll);
        }

        Assert.True(PollBackoff.Default.DelayFor(17) < TimeSpan.FromMilliseconds(250));
        Assert.Equal(TimeSpan.FromMilliseconds(250), PollBackoff.Default.DelayFor(18));
        Assert.InRange(requests / elapsed.TotalSeconds, 3.9, 4.05);
    }

    [Fact]
    public void DelayFor_GrowthBelowOne_NeverShrinksTheDelay()
    {
        var backoff = new PollBackoff(TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(1), Growth: 0.5);

        Assert.Equal(TimeSpan.FromMilliseconds(10), backoff.DelayFor(5));
    }
}

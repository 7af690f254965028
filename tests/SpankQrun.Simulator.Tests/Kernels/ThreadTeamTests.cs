using System.Collections.Concurrent;
using System.Diagnostics;
using SpankQrun.Simulator.Kernels;

namespace SpankQrun.Simulator.Tests.Kernels;

/// <summary>
/// The team the threaded kernels split passes across. Each test has a team of its own, so tests running in parallel
/// (and the kernels' shared team) do not make one another's passes run inline.
/// </summary>
public sealed class ThreadTeamTests
{
    [Theory]
    [InlineData(1, 2)]
    [InlineData(1, 3)]
    [InlineData(1, 7)]
    [InlineData(3, 2)]
    [InlineData(3, 11)]
    public void Run_EveryPartRunsExactlyOnce(int workers, int parts)
    {
        var team = new ThreadTeam(workers);
        for (var pass = 0; pass < 200; pass++)
        {
            var runs = new int[parts];
            team.Run(parts, part => Interlocked.Increment(ref runs[part]));
            Assert.All(runs, count => Assert.Equal(1, count));
        }
    }

    [Fact]
    public void Run_TwoParts_RunOnTheCallerAndOneWorker()
    {
        var team = new ThreadTeam(1);
        var threads = new int[2];
        team.Run(2, part => threads[part] = Environment.CurrentManagedThreadId);
        Assert.Equal(Environment.CurrentManagedThreadId, threads[0]);
        Assert.NotEqual(threads[0], threads[1]);
    }

    [Fact]
    public void Run_PartThrows_RethrowsOnceEveryPartHasEnded_AndTheTeamKeepsWorking()
    {
        var team = new ThreadTeam(1);
        var ended = new int[2];
        var exception = Assert.Throws<InvalidOperationException>(() => team.Run(2, part =>
        {
            if (part == 1)
            {
                throw new InvalidOperationException("part 1 failed");
            }

            Thread.Sleep(50);
            Volatile.Write(ref ended[part], 1);
        }));
        Assert.Equal("part 1 failed", exception.Message);
        Assert.Equal(1, Volatile.Read(ref ended[0]));

        var runs = new int[2];
        team.Run(2, part => Interlocked.Increment(ref runs[part]));
        Assert.Equal([1, 1], runs);
    }

    [Fact]
    public async Task Run_WhileAnotherPassHoldsTheTeam_RunsEveryPartOnTheCallersThread()
    {
        var team = new ThreadTeam(1);
        using var inside = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var holder = Task.Run(() => team.Run(2, part =>
        {
            inside.Set();
            Assert.True(release.Wait(TimeSpan.FromSeconds(30)));
        }));
        Assert.True(inside.Wait(TimeSpan.FromSeconds(30)));

        var threads = new ConcurrentBag<int>();
        var caller = Environment.CurrentManagedThreadId;
        team.Run(3, part => threads.Add(Environment.CurrentManagedThreadId));
        release.Set();
        await holder.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(3, threads.Count);
        Assert.All(threads, thread => Assert.Equal(caller, thread));
    }

    [Fact]
    public void Workers_ExitWhenIdle_AndANewPassStartsThemAgain()
    {
        var team = new ThreadTeam(1);
        var bursts = new List<int[]>();
        for (var burst = 0; burst < 5; burst++)
        {
            var runs = new int[2];
            bursts.Add(runs);
            team.Run(2, part => Interlocked.Increment(ref runs[part]));
            Assert.True(WaitUntil(() => team.LiveWorkers == 0, TimeSpan.FromSeconds(10)), "the worker still runs 10 s after the last pass");
        }

        // Checked at the end too: a new worker must not run the pass before it was started a second time.
        Assert.All(bursts, runs => Assert.Equal([1, 1], runs));
    }

    [Fact]
    public void Run_PassesFromManyThreads_EachRunsEveryPartOnce()
    {
        var team = new ThreadTeam(2);
        var failures = new ConcurrentBag<string>();
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, caller =>
        {
            for (var pass = 0; pass < 300; pass++)
            {
                var runs = new int[5];
                team.Run(5, part => Interlocked.Increment(ref runs[part]));
                if (runs.Any(count => count != 1))
                {
                    failures.Add($"caller {caller} pass {pass}: {string.Join(",", runs)}");
                }
            }
        });
        Assert.Empty(failures);
    }

    private static bool WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!condition())
        {
            if (stopwatch.Elapsed > timeout)
            {
                return false;
            }

            Thread.Sleep(5);
        }

        return true;
    }
}

using SpankQrun.Qrun.Running;
using Xunit;

namespace SpankQrun.Qrun.Tests.Unit;

/// <summary>timeout_secs: Slurm's SIGTERM at the time limit must come before the service's own timeout.</summary>
public sealed class JobTimeoutTests
{
    private static readonly long Grace = (long)QrunHost.TimeLimitGrace.TotalSeconds;

    [Fact]
    public void SlurmLimit_TimeoutIsLaterThanTheLimitByTheGrace() =>
        Assert.Equal(new JobTimeout(300 + Grace, JobTimeoutSource.SlurmTimeLeft), JobTimeout.Choose(TimeSpan.FromSeconds(300), null));

    [Fact]
    public void NoLimit_NoRequest_IsTheDocumentedDefault() =>
        Assert.Equal(new JobTimeout(3600, JobTimeoutSource.Default), JobTimeout.Choose(null, null));

    [Fact]
    public void Requested_WithoutLimit_IsUsed() =>
        Assert.Equal(new JobTimeout(7200, JobTimeoutSource.Requested), JobTimeout.Choose(null, 7200));

    [Fact]
    public void Requested_ShorterThanLimit_IsUsed() =>
        Assert.Equal(new JobTimeout(60, JobTimeoutSource.Requested), JobTimeout.Choose(TimeSpan.FromSeconds(300), 60));

    [Fact]
    public void Requested_LongerThanLimit_TheLimitWins() =>
        Assert.Equal(new JobTimeout(300 + Grace, JobTimeoutSource.SlurmTimeLeft), JobTimeout.Choose(TimeSpan.FromSeconds(300), 9000));
}

using SpankQrun.DirectAccess.Jobs;
using Xunit;

namespace SpankQrun.Qrun.Tests.Unit;

/// <summary>timeout_secs: Slurm's SIGTERM at the time limit must come before the service's own timeout.</summary>
public sealed class JobTimeoutTests
{
    private static readonly long Grace = (long)JobTimeout.TimeLimitGrace.TotalSeconds;
    private const long Max = QrunHost.DefaultMaxJobTimeoutSeconds;

    [Fact]
    public void SlurmLimit_TimeoutIsLaterThanTheLimitByTheGrace() =>
        Assert.Equal(new JobTimeout(300 + Grace, JobTimeoutSource.SlurmTimeLeft), JobTimeout.Choose(TimeSpan.FromSeconds(300), null, Max));

    [Fact]
    public void NoLimit_NoRequest_IsTheDocumentedDefault() =>
        Assert.Equal(new JobTimeout(3600, JobTimeoutSource.Default), JobTimeout.Choose(null, null, Max));

    [Fact]
    public void Requested_WithoutLimit_IsUsed() =>
        Assert.Equal(new JobTimeout(7200, JobTimeoutSource.Requested), JobTimeout.Choose(null, 7200, Max));

    [Fact]
    public void Requested_ShorterThanLimit_IsUsed() =>
        Assert.Equal(new JobTimeout(60, JobTimeoutSource.Requested), JobTimeout.Choose(TimeSpan.FromSeconds(300), 60, Max));

    [Fact]
    public void Requested_LongerThanLimit_TheLimitWins() =>
        Assert.Equal(new JobTimeout(300 + Grace, JobTimeoutSource.SlurmTimeLeft), JobTimeout.Choose(TimeSpan.FromSeconds(300), 9000, Max));

    [Fact]
    public void SlurmLimitOfDays_IsCappedAtTheSiteMaximum_WhichAGatewayAccepts() =>
        Assert.Equal(new JobTimeout(Max, JobTimeoutSource.SiteMaximum), JobTimeout.Choose(TimeSpan.FromDays(3), null, Max));

    [Fact]
    public void SlurmLimitJustUnderTheMaximum_KeepsItsGrace() =>
        Assert.Equal(new JobTimeout(Max, JobTimeoutSource.SlurmTimeLeft), JobTimeout.Choose(TimeSpan.FromSeconds(Max - Grace), null, Max));

    [Fact]
    public void RequestedUnderTheMaximum_WithALimitOfDays_IsUsed() =>
        Assert.Equal(new JobTimeout(600, JobTimeoutSource.Requested), JobTimeout.Choose(TimeSpan.FromDays(3), 600, Max));

    [Fact]
    public void SiteMaximumBelowTheDefault_CapsTheSlurmBound() =>
        Assert.Equal(new JobTimeout(900, JobTimeoutSource.SiteMaximum), JobTimeout.Choose(TimeSpan.FromHours(1), null, 900));

    [Fact]
    public void SiteMaximumBelowTheDefault_CapsTheDefault() =>
        Assert.Equal(new JobTimeout(900, JobTimeoutSource.SiteMaximum), JobTimeout.Choose(null, null, 900));
}

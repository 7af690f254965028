using System.Diagnostics;
using System.Globalization;
using SpankQrun.Accounting.Slurm;

namespace SpankQrun.Accounting.Tests;

/// <summary>
/// The struct offsets and flag values that <see cref="SlurmdbNative"/> writes, checked against Slurm's own headers
/// (libslurm-dev): a C program compiled with gcc prints them.
/// </summary>
public sealed class SlurmdbLayoutTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("slurmdb-layout-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task EveryOffsetSizeAndFlag_EqualsWhatSlurmsHeadersSay()
    {
        var source = Path.Combine(_directory, "layout.c");
        await File.WriteAllTextAsync(source, """
            #include <dlfcn.h>
            #include <stddef.h>
            #include <stdio.h>
            #include <slurm/slurm.h>
            #include <slurm/slurmdb.h>
            int main(void) {
                printf("JobCondSize=%zu\n", sizeof(slurmdb_job_cond_t));
                printf("JobCondClusterList=%zu\n", offsetof(slurmdb_job_cond_t, cluster_list));
                printf("JobCondDbFlags=%zu\n", offsetof(slurmdb_job_cond_t, db_flags));
                printf("JobCondFlags=%zu\n", offsetof(slurmdb_job_cond_t, flags));
                printf("JobCondStepList=%zu\n", offsetof(slurmdb_job_cond_t, step_list));
                printf("JobRecAdminComment=%zu\n", offsetof(slurmdb_job_rec_t, admin_comment));
                printf("ConfClusterName=%zu\n", offsetof(slurm_conf_t, cluster_name));
                printf("JobDescSize=%zu\n", sizeof(job_desc_msg_t));
                printf("JobDescAdminComment=%zu\n", offsetof(job_desc_msg_t, admin_comment));
                printf("JobDescJobId=%zu\n", offsetof(job_desc_msg_t, job_id));
                printf("JobIdSize=%zu\n", sizeof(((job_desc_msg_t *)0)->job_id));
                printf("DbFlagsSize=%zu\n", sizeof(((slurmdb_job_cond_t *)0)->db_flags));
                printf("FlagsSize=%zu\n", sizeof(((slurmdb_job_cond_t *)0)->flags));
                printf("JobFlagNotSet=%lu\n", (unsigned long)SLURMDB_JOB_FLAG_NOTSET);
                printf("JobCondFlagNoDefaultUsage=%lu\n", (unsigned long)JOBCOND_FLAG_NO_DEFAULT_USAGE);
                printf("RtldNow=%d\n", RTLD_NOW);
                printf("RtldGlobal=%d\n", RTLD_GLOBAL);
                printf("Library=libslurm.so.%d\n", SLURM_VERSION_MAJOR(SLURM_VERSION_NUMBER) == 22 && SLURM_VERSION_MINOR(SLURM_VERSION_NUMBER) == 5 ? 38 : -1);
                return 0;
            }
            """);
        var program = Path.Combine(_directory, "layout");
        var compiled = await RunAsync("gcc", "-Wall", "-Werror", "-o", program, source);
        Assert.True(compiled.ExitCode == 0, compiled.Output);
        var printed = await RunAsync(program);
        Assert.True(printed.ExitCode == 0, printed.Output);
        var values = printed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);

        Assert.Equal(SlurmdbNative.JobCondSize.ToString(CultureInfo.InvariantCulture), values["JobCondSize"]);
        Assert.Equal(SlurmdbNative.JobCondClusterList.ToString(CultureInfo.InvariantCulture), values["JobCondClusterList"]);
        Assert.Equal(SlurmdbNative.JobCondDbFlags.ToString(CultureInfo.InvariantCulture), values["JobCondDbFlags"]);
        Assert.Equal(SlurmdbNative.JobCondFlags.ToString(CultureInfo.InvariantCulture), values["JobCondFlags"]);
        Assert.Equal(SlurmdbNative.JobCondStepList.ToString(CultureInfo.InvariantCulture), values["JobCondStepList"]);
        Assert.Equal(SlurmdbNative.JobRecAdminComment.ToString(CultureInfo.InvariantCulture), values["JobRecAdminComment"]);
        Assert.Equal(SlurmdbNative.ConfClusterName.ToString(CultureInfo.InvariantCulture), values["ConfClusterName"]);
        Assert.Equal(SlurmdbNative.JobDescSize.ToString(CultureInfo.InvariantCulture), values["JobDescSize"]);
        Assert.Equal(SlurmdbNative.JobDescAdminComment.ToString(CultureInfo.InvariantCulture), values["JobDescAdminComment"]);
        Assert.Equal(SlurmdbNative.JobDescJobId.ToString(CultureInfo.InvariantCulture), values["JobDescJobId"]);
        // The job id and both flag fields are written as 32-bit integers.
        Assert.Equal("4", values["JobIdSize"]);
        Assert.Equal(("4", "4"), (values["DbFlagsSize"], values["FlagsSize"]));
        Assert.Equal(SlurmdbNative.JobFlagNotSet.ToString(CultureInfo.InvariantCulture), values["JobFlagNotSet"]);
        Assert.Equal(SlurmdbNative.JobCondFlagNoDefaultUsage.ToString(CultureInfo.InvariantCulture), values["JobCondFlagNoDefaultUsage"]);
        Assert.Equal(SlurmdbNative.RtldNow.ToString(CultureInfo.InvariantCulture), values["RtldNow"]);
        Assert.Equal(SlurmdbNative.RtldGlobal.ToString(CultureInfo.InvariantCulture), values["RtldGlobal"]);
        // The layouts are 22.05's, whose library is libslurm.so.38.
        Assert.Equal(SlurmdbNative.Library, values["Library"]);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}

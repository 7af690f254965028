using SpankQrun.Qrun;
using SpankQrun.Qrun.Slurm;

try
{
    return await QrunApp.RunAsync(args, QrunHost.FromProcess(), Console.Out, Console.Error).ConfigureAwait(false);
}
finally
{
    // The squeue started before the runtime (native/early_squeue.c) never outlives qrun, asked or not.
    EarlySqueue.Discard();
}

using SpankQrun.Plugin.Core;
using SpankQrun.Plugin.Interop;

namespace SpankQrun.Plugin.Exports;

/// <summary>
/// The one place an exception is turned into a SPANK error code. An exception that escaped an
/// [UnmanagedCallersOnly] method would abort the host process (srun, sbatch, slurmstepd).
/// </summary>
internal static unsafe class ExportGuard
{
    /// <summary>Runs <paramref name="callback"/> against the host table; any failure becomes a logged -1.</summary>
    public static int Run(QrunHost* table, string operation, Func<ISpankHost, int> callback)
    {
        if (table is null || table->Version != QrunHost.AbiVersion)
            return SpankResult.Failure;

        var host = new SlurmSpankHost(table);
        try
        {
            return callback(host);
        }
        catch (Exception exception)
        {
            try
            {
                host.Log(PluginLogLevel.Error, Messages.UnexpectedFailure(operation, exception));
            }
            catch
            {
                // Logging itself failed: nothing more can be said, and nothing may escape.
            }

            return SpankResult.Failure;
        }
    }
}

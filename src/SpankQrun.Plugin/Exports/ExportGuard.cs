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
    public static int Run(HostTable* table, string operation, Func<ISpankHost, int> callback)
    {
        // The glue and this code are linked into one library from one source tree, so a mismatch means a
        // broken build; with another layout not even the log function can be trusted.
        if (table is null || table->Version != HostTable.AbiVersion)
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

namespace SpankQrun.Plugin.Core.Callbacks;

/// <summary>
/// Reports why a task cannot be served, once per step and node: every task of the step fails for the
/// same reason, so only the first task on the node (local task id 0) logs it at error level, which
/// slurmstepd writes both to slurmd's log and to the user's output; the others say so at debug level.
/// </summary>
internal sealed class StepFailureReporter(ISpankHost host)
{
    /// <summary>Reports <paramref name="error"/> (and the administrator's <paramref name="details"/>) and returns the failure code.</summary>
    public int Fail(string error, IEnumerable<string>? details = null)
    {
        // Without the item (not expected in task_init) reporting twice beats not reporting.
        if (host.TryGetItem(SpankItem.LocalTaskId, out var localTask) && localTask != 0)
        {
            host.Log(PluginLogLevel.Debug, Messages.FailedAsReportedByFirstTask());
            return SpankResult.Failure;
        }

        foreach (var detail in details ?? [])
            host.Log(PluginLogLevel.Info, detail);
        host.Log(PluginLogLevel.Error, error);
        return SpankResult.Failure;
    }
}

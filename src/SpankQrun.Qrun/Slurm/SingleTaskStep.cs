using System.Globalization;

namespace SpankQrun.Qrun.Slurm;

/// <summary>
/// One qrun is one Direct Access job. In a step of several tasks (<c>srun -n 3 qrun ...</c>, or a bare
/// <c>srun qrun</c> in a job with <c>--ntasks=3</c>) every task would submit its own job and all would write
/// the same results file, so qrun refuses such a step before it submits anything (docs/qrun.md).
/// </summary>
internal static class SingleTaskStep
{
    public const string StepTasksVariable = "SLURM_STEP_NUM_TASKS";

    /// <summary>Null when qrun may run here, otherwise the refusal to print.</summary>
    public static string? Refusal(Func<string, string?> environment)
    {
        var value = environment(StepTasksVariable);
        if (string.IsNullOrWhiteSpace(value)
            || !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var tasks)
            || tasks <= 1)
        {
            return null;
        }

        return QrunMessages.StepHasSeveralTasks(tasks);
    }
}

namespace SpankQrun.Plugin.Core;

/// <summary>Job items the plugin reads; values match <c>enum qrun_item</c> in spank_glue.h.</summary>
public enum SpankItem
{
    /// <summary>The Slurm job id.</summary>
    JobId = 1,

    /// <summary>The job user's uid.</summary>
    JobUid = 2,

    /// <summary>The task's id among the step's tasks on this node (<c>S_TASK_ID</c>).</summary>
    LocalTaskId = 3,
}

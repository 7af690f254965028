namespace SpankQrun.Plugin.Core;

/// <summary>Slurm logger levels the plugin uses; values match <c>enum qrun_log_level</c> in spank_glue.h.</summary>
public enum PluginLogLevel
{
    /// <summary><c>slurm_error</c>: also shown to the user of a failing task.</summary>
    Error = 0,

    /// <summary><c>slurm_info</c>.</summary>
    Info = 1,

    /// <summary><c>slurm_debug</c>.</summary>
    Debug = 2,
}

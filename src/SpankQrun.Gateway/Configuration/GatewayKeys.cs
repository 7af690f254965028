namespace SpankQrun.Gateway.Configuration;

/// <summary>The gateway's own keys in its configuration file (beside the plugin's Direct Access/S3 keys).</summary>
public static class GatewayKeys
{
    public const string Listen = "listen";
    public const string Backends = "backends";
    public const string Database = "database";
    public const string Scontrol = "scontrol";
    public const string Squeue = "squeue";
    public const string Sacct = "sacct";
    public const string Sacctmgr = "sacctmgr";
    public const string UsageAdminComment = "usage_admin_comment";
    public const string LicenseSync = "license_sync";
    public const string LicenseServer = "license_server";
    public const string LicenseSyncSecs = "license_sync_secs";
    public const string SlurmTimeoutSecs = "slurm_timeout_secs";
    public const string SlurmPollSecs = "slurm_poll_secs";
    public const string SlurmCacheSecs = "slurm_cache_secs";
    public const string MaxInputBytes = "max_input_bytes";
    public const string MaxTimeoutSecs = "max_timeout_secs";
    public const string UploadUrlSecs = "upload_url_secs";
    public const string DownloadUrlSecs = "download_url_secs";
    public const string ServiceUrlSecs = "service_url_secs";
    public const string CleanupWaitSecs = "cleanup_wait_secs";
    public const string DirectAccessAttempts = "daapi_attempts";
    public const string DirectAccessTimeoutSecs = "daapi_timeout_secs";

    /// <summary>Every gateway key, for messages.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        Listen, Backends, Database, Scontrol, Squeue, SlurmTimeoutSecs, SlurmPollSecs, SlurmCacheSecs, MaxInputBytes,
        MaxTimeoutSecs, UploadUrlSecs, DownloadUrlSecs, ServiceUrlSecs, CleanupWaitSecs, DirectAccessAttempts, DirectAccessTimeoutSecs,
        Sacct, Sacctmgr, UsageAdminComment, LicenseSync, LicenseServer, LicenseSyncSecs,
    ];
}

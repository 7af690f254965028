using SpankQrun.Accounting.Slurm;
using SpankQrun.Accounting.Usage;
using SpankQrun.Gateway.Configuration;
using SpankQrun.Gateway.Jobs;

namespace SpankQrun.Gateway;

/// <summary>The gateway's part in Slurm's scheduling and accounting of the QPU (docs/accounting.md).</summary>
public static class GatewayAccounting
{
    /// <summary>Usage into AdminComment (usage_admin_comment) and LicenseSync (license_sync), as configured.</summary>
    public static IServiceCollection AddGatewayAccounting(this IServiceCollection services, GatewaySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.UsageToAdminComment)
        {
            services.AddSingleton(s => new AdminCommentHelper(settings,
                new ScontrolAdminComment(new ProcessCommandRunner { Timeout = settings.SlurmTimeout }, settings.ScontrolPath),
                s.GetRequiredService<ILogger<AdminCommentHelper>>()));
            services.AddHostedService(s => s.GetRequiredService<AdminCommentHelper>());
            services.AddSingleton<AdminCommentUsageObserver>();
            services.AddSingleton<ISlurmJobEndObserver>(s => s.GetRequiredService<AdminCommentUsageObserver>());
            services.AddSingleton<IDirectAccessJobEndObserver>(s => s.GetRequiredService<AdminCommentUsageObserver>());
        }

        if (settings.LicenseSync != LicenseSyncMode.None)
            services.AddHostedService<LicenseSyncService>();
        return services;
    }
}

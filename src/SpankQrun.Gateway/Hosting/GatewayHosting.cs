using Microsoft.Extensions.Logging.Console;
using SpankQrun.Gateway.Api;
using SpankQrun.Gateway.Auth;
using SpankQrun.Gateway.Configuration;
using SpankQrun.Gateway.Jobs;
using SpankQrun.Gateway.Slurm;
using SpankQrun.Gateway.Store;

namespace SpankQrun.Gateway;

/// <summary>Builds the gateway's web application from its settings.</summary>
public static class GatewayHosting
{
    /// <summary>The largest request body (every body is a small JSON document, a job's inline input included).</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>Builds the application; <paramref name="configure"/> may add services (end observers, test clocks).</summary>
    public static async Task<WebApplication> BuildAsync(GatewaySettings settings, Action<IServiceCollection>? configure = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls([.. settings.ListenUrls]);
        builder.WebHost.ConfigureKestrel(options =>
        {
            options.Limits.MaxRequestBodySize = MaxBodyBytes;
            options.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            options.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(15);
            options.Limits.KeepAliveTimeout = TimeSpan.FromSeconds(60);
            options.Limits.MaxConcurrentConnections = 2000;
            options.AddServerHeader = false;
        });
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(15));
        AddConsoleLogging(builder.Logging);

        var store = new GatewayStore(settings.Database);
        await store.InitializeAsync(cancellationToken).ConfigureAwait(false);

        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SlurmClient>();
        builder.Services.AddSingleton<SlurmJobCache>();
        builder.Services.AddSingleton<BackendServices>();
        builder.Services.AddSingleton<JobEndNotifier>();
        builder.Services.AddHostedService(s => s.GetRequiredService<JobEndNotifier>());
        builder.Services.AddSingleton<JobStatusUpdater>();
        builder.Services.AddSingleton<JobRemovals>();
        builder.Services.AddHostedService(s => s.GetRequiredService<JobRemovals>());
        builder.Services.AddSingleton<MungeAuthenticator>();
        builder.Services.AddSingleton<GatewayJobs>();
        builder.Services.AddSingleton<SlurmJobWatcher>();
        builder.Services.AddHostedService(s => s.GetRequiredService<SlurmJobWatcher>());
        builder.Services.AddGatewayAccounting(settings);
        configure?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseMiddleware<RequestLogMiddleware>();
        app.MapGateway();
        return app;
    }

    /// <summary>Single-line UTC console logs; framework categories that print URLs or headers stay quiet.</summary>
    public static void AddConsoleLogging(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            options.ColorBehavior = LoggerColorBehavior.Disabled;
        });
        logging.SetMinimumLevel(LogLevel.Information);
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("System.Net.Http", LogLevel.Warning);
        logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
    }
}

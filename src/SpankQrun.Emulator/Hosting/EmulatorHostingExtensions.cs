using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Console;
using SpankQrun.Emulator.Auth;
using SpankQrun.Emulator.Configuration;
using SpankQrun.Emulator.Jobs;
using SpankQrun.Emulator.Json;

namespace SpankQrun.Emulator.Hosting;

/// <summary>The pieces Program.cs composes.</summary>
public static class EmulatorHostingExtensions
{
    /// <summary>Listens on 127.0.0.1:8290 unless --urls (or ASPNETCORE_URLS) names something else.</summary>
    public static WebApplicationBuilder UseEmulatorUrls(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
            builder.WebHost.UseUrls(EmulatorDefaults.ListenUrl);
        return builder;
    }

    /// <summary>Single-line console logs; framework categories that print URLs or headers stay quiet.</summary>
    public static ILoggingBuilder AddEmulatorConsole(this ILoggingBuilder logging)
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
        // Hosting logs full request URLs and HttpClient logs full presigned URLs at Information.
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("System.Net.Http", LogLevel.Warning);
        logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        return logging;
    }

    /// <summary>Reads --config (default: emulator.json beside the binary) and --state-dir.</summary>
    public static WebApplicationBuilder AddEmulatorSettings(this WebApplicationBuilder builder)
    {
        var configPath = builder.Configuration["config"];
        if (string.IsNullOrEmpty(configPath))
        {
            var shipped = Path.Combine(AppContext.BaseDirectory, EmulatorDefaults.ConfigFileName);
            configPath = File.Exists(shipped) ? shipped : null;
        }

        builder.Services.AddSingleton(EmulatorSettingsLoader.Load(configPath));
        builder.Services.AddSingleton(new StatePaths(PrepareStateDirectory(builder.Configuration["state-dir"])));
        return builder;
    }

    public static IServiceCollection AddEmulatorServices(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options =>
        {
            // The context supplies the metadata; naming comes from these options, so they must match its own.
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, EmulatorJsonContext.Default);
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        services.TryAddSingleton(TimeProvider.System);
        // Request bodies are bounded by max_request_body_bytes: Kestrel stops reading there, forms likewise.
        services.AddOptions<KestrelServerOptions>().Configure<EmulatorSettings>((kestrel, settings) =>
        {
            kestrel.Limits.MaxRequestBodySize = settings.Limits.MaxRequestBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 64 * 1024;
        });
        services.AddOptions<FormOptions>().Configure<EmulatorSettings>((form, settings) =>
        {
            form.ValueLengthLimit = (int)Math.Min(int.MaxValue, settings.Limits.MaxRequestBodyBytes);
            form.MultipartBodyLengthLimit = settings.Limits.MaxRequestBodyBytes;
            form.ValueCountLimit = 64;
        });
        services.AddSingleton<TokenService>();
        services.AddSingleton<JobStore>();
        services.AddSingleton<JobQueue>();
        services.AddSingleton<JobRunner>();
        // A plain HttpClient rather than the factory's, whose logging would print presigned URLs.
        services.AddSingleton(new StorageClient(new HttpClient(StorageClient.CreateHandler()) { Timeout = TimeSpan.FromMinutes(10) }));
        services.AddSingleton<StorageHostPolicy>();
        services.AddSingleton<MemoryBudget>();
        // SIGTERM: lanes stop waiting for their jobs at once, so the host is down well within 5 s.
        services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(3));
        services.AddHostedService<JobLaneWorkers>();
        return services;
    }

    /// <summary>Loads the state file now, so that a broken one stops the start with a clear message.</summary>
    public static WebApplication LoadEmulatorState(this WebApplication app)
    {
        app.Services.GetRequiredService<JobStore>();
        return app;
    }

    private static string? PrepareStateDirectory(string? path)
    {
        if (string.IsNullOrEmpty(path))
            return null;
        var full = Path.GetFullPath(path);
        try
        {
            Directory.CreateDirectory(full);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new EmulatorConfigurationException(EmulatorMessages.StateDirectoryUnusable(full, exception.Message));
        }

        return full;
    }
}

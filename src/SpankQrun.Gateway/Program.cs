using System.CommandLine;
using System.Globalization;
using System.Text;
using SpankQrun.Accounting.Slurm;
using SpankQrun.Gateway;
using SpankQrun.Gateway.Configuration;
using SpankQrun.Gateway.Jobs;
using SpankQrun.Gateway.Store;
using SpankQrun.Gateway.Usage;

var config = new Option<string>("--config") { Description = GatewayMessages.ConfigOptionHelp, HelpName = "FILE", DefaultValueFactory = _ => "/etc/qrun-gateway/gateway.conf" };
var root = new RootCommand(GatewayMessages.RootHelp) { config };
root.SetAction(async (parseResult, cancellationToken) =>
{
    var path = parseResult.GetValue(config)!;
    try
    {
        var settings = GatewayConfigParser.Load(path);
        var app = await GatewayHosting.BuildAsync(settings, cancellationToken: cancellationToken);
        app.Logger.LogInformation("qrun-gateway {Version}: backends {Backends}; database {Database}; listening on {Urls}",
            GatewayVersion.Text, string.Join(",", settings.Backends.Keys), settings.Database.Description, string.Join(",", settings.ListenUrls));
        await app.RunAsync();
        return 0;
    }
    catch (Exception e) when (e is GatewayConfigurationException or GatewayStoreException)
    {
        await Console.Error.WriteLineAsync($"qrun-gateway: {e.Message}");
        return 2;
    }
});

var usageConfig = new Option<string>("--config") { Description = GatewayMessages.ConfigOptionHelp, HelpName = "FILE", DefaultValueFactory = _ => "/etc/qrun-gateway/gateway.conf" };
var since = new Option<string?>("--since") { Description = GatewayMessages.SinceHelp, HelpName = "DATE" };
var until = new Option<string?>("--until") { Description = GatewayMessages.UntilHelp, HelpName = "DATE" };
var by = new Option<string>("--by") { Description = GatewayMessages.ByHelp, DefaultValueFactory = _ => "user" };
by.AcceptOnlyFromAmong(UsageReport.Groupings);
var format = new Option<string>("--format") { Description = GatewayMessages.FormatHelp, DefaultValueFactory = _ => "table" };
format.AcceptOnlyFromAmong(UsageReport.Formats);
var usage = new Command("usage", GatewayMessages.UsageHelp) { usageConfig, since, until, by, format };
usage.SetAction(async (parseResult, cancellationToken) =>
{
    try
    {
        var from = ParseDate(parseResult.GetValue(since), "--since") ?? DateTimeOffset.UnixEpoch;
        var to = ParseDate(parseResult.GetValue(until), "--until") ?? DateTimeOffset.UtcNow.AddYears(100);
        var settings = GatewayConfigParser.Load(parseResult.GetValue(usageConfig)!);
        var store = new GatewayStore(settings.Database);
        await store.InitializeAsync(cancellationToken);
        var jobs = await store.ListCreatedBetweenAsync(from, to, cancellationToken);
        var grouping = parseResult.GetValue(by)!;
        Console.Out.Write(UsageReport.Format(UsageReport.Totals(jobs, grouping), grouping, parseResult.GetValue(format)!, from, to));
        return 0;
    }
    catch (Exception e) when (e is GatewayConfigurationException or GatewayStoreException)
    {
        await Console.Error.WriteLineAsync($"qrun-gateway usage: {e.Message}");
        return 2;
    }
});
root.Subcommands.Add(usage);

// Run by the gateway itself (AdminCommentWriterCommand): the document on stdin, never on the command line.
var writeJobId = new Argument<string>("JOBID");
var writeAdminComment = new Command(AdminCommentWriterCommand.Name) { writeJobId };
writeAdminComment.Hidden = true;
writeAdminComment.SetAction(async (parseResult, cancellationToken) =>
{
    var document = await AdminCommentWriterCommand.ReadDocumentAsync(Console.In, cancellationToken);
    var (code, message) = document is null
        ? (SlurmdbAdminComment.Failed, GatewayMessages.AdminCommentTooLong(AdminCommentWriterCommand.MaxDocumentChars))
        : SlurmdbAdminComment.Write(parseResult.GetValue(writeJobId)!, document);
    await (code == SlurmdbAdminComment.Written ? Console.Out : Console.Error).WriteLineAsync(message);
    return code;
});
root.Subcommands.Add(writeAdminComment);

// Run by the gateway itself (AdminCommentHelper), for as long as the gateway runs: requests on stdin, answers on stdout.
var adminCommentHelper = new Command(AdminCommentHelperCommand.Name) { Hidden = true };
adminCommentHelper.SetAction(async (_, cancellationToken) =>
{
    // Without libslurm the gateway must see this child end (and use scontrol), not a stream of errors.
    if (SlurmctldAdminComment.Initialize() is { } problem)
    {
        await Console.Error.WriteLineAsync(problem);
        return 3;
    }

    using var input = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
    await using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
    return await AdminCommentHelperCommand.RunAsync(input, output, SlurmctldAdminComment.Write, cancellationToken);
});
root.Subcommands.Add(adminCommentHelper);

return await root.Parse(args).InvokeAsync();

static DateTimeOffset? ParseDate(string? text, string option)
{
    if (text is null)
        return null;
    if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
        return date;
    throw new GatewayConfigurationException(GatewayMessages.DateInvalid(option, text));
}

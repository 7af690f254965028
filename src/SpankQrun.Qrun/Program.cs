using SpankQrun.Qrun;

return await QrunApp.RunAsync(args, QrunHost.FromProcess(), Console.Out, Console.Error).ConfigureAwait(false);

using SpankQrun.Admin;

return await AdminApp.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);

using Custodian.Cli;

return await CustodianCli.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);

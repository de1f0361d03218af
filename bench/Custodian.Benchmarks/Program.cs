using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Custodian.Benchmarks.PolicyCompileBenchmarks).Assembly).Run(args);

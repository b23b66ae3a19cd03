using System;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace TokenGen.Benchmarks.Generator;

/// <summary>
/// The <c>Re-emitted</c> column of the generator benchmarks: how many source outputs the measured run wrote, of all it
/// has. Counted in the host process from a step-tracking run of the same input and edit (see <see cref="ReEmission"/>),
/// since a timed run does not track its steps.
/// </summary>
internal sealed class ReEmittedColumn : IColumn
{
    public string Id => nameof(ReEmittedColumn);

    public string ColumnName => "Re-emitted";

    public bool AlwaysShow => false;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => false;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Source outputs the run wrote (New or Modified), of all it produced; the rest came from the cache";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (benchmarkCase.Descriptor.Type != typeof(GeneratorBenchmarks) || benchmarkCase.Descriptor.WorkloadMethod.Name == nameof(GeneratorBenchmarks.BindOnly))
        {
            return "-";
        }

        string input = (string)benchmarkCase.Parameters[nameof(GeneratorBenchmarks.Input)];
        GeneratorEdit? edit = benchmarkCase.Descriptor.WorkloadMethod.Name switch
        {
            nameof(GeneratorBenchmarks.UnrelatedEdit) => GeneratorEdit.UnrelatedFile,
            nameof(GeneratorBenchmarks.EditInsideOneInterface) => GeneratorEdit.InsideOneInterface,
            _ => null,
        };
        if (edit is null)
        {
            ReEmission any = ReEmission.Measure(input, GeneratorEdit.UnrelatedFile);
            return $"all {any.Total}";
        }

        ReEmission reEmission = ReEmission.Measure(input, edit.Value);
        return $"{reEmission.ReEmitted} of {reEmission.Total}";
    }

    public override string ToString() => ColumnName;
}

using System;
using System.Collections.Concurrent;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace TokenGen.Benchmarks.Generator;

/// <summary>The edits the incremental benchmarks make.</summary>
public enum GeneratorEdit
{
    /// <summary>A file no <c>[TokenApi]</c> interface depends on changes.</summary>
    UnrelatedFile,

    /// <summary>A route inside one interface changes.</summary>
    InsideOneInterface,
}

/// <summary>How many of a run's source outputs an edit made the generator write again, and how many there are.</summary>
/// <param name="ReEmitted">Outputs whose step ran as New or Modified (written again rather than taken from the cache).</param>
/// <param name="Total">All source outputs of the run.</param>
/// <param name="ChangedHintNames">The hint names of the outputs whose text changed.</param>
public sealed record ReEmission(int ReEmitted, int Total, string ChangedHintNames)
{
    private static readonly ConcurrentDictionary<(string Input, GeneratorEdit Edit), ReEmission> s_cache = new();

    /// <summary>Runs the generator on <paramref name="inputName"/>, makes <paramref name="edit"/>, runs it again and counts.</summary>
    public static ReEmission Measure(string inputName, GeneratorEdit edit) =>
        s_cache.GetOrAdd((inputName, edit), static key => Count(GeneratorInput.Create(key.Input), key.Edit));

    private static ReEmission Count(GeneratorInput input, GeneratorEdit edit)
    {
        Compilation compilation = input.CreateCompilation();
        GeneratorDriver first = GeneratorInput.CreateDriver(trackSteps: true).RunGenerators(compilation);
        var (before, after) = edit == GeneratorEdit.UnrelatedFile
            ? (input.Unrelated, input.UnrelatedEdited)
            : (input.EditedInterface, input.EditedInterfaceAfter);
        GeneratorDriver second = first.RunGenerators(compilation.ReplaceSyntaxTree(before, after));

        GeneratorRunResult firstResult = first.GetRunResult().Results.Single();
        GeneratorRunResult secondResult = second.GetRunResult().Results.Single();
        var outputs = secondResult.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs).ToList();
        int reEmitted = outputs.Count(output => output.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);

        var textBefore = firstResult.GeneratedSources.ToDictionary(source => source.HintName, source => source.SourceText.ToString(), StringComparer.Ordinal);
        string changed = string.Join(", ", secondResult.GeneratedSources
            .Where(source => !textBefore.TryGetValue(source.HintName, out var text) || text != source.SourceText.ToString())
            .Select(source => source.HintName));
        return new ReEmission(reEmitted, outputs.Count, changed);
    }
}

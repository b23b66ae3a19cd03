using System.Linq;
using Microsoft.CodeAnalysis;

namespace TokenGen.Generator.Tests.Infrastructure;

/// <summary>Asserts on the run reasons the driver records for the generator's tracked steps and outputs.</summary>
internal static class CachingAssert
{
    /// <summary>
    /// Every tracked step and every output of <paramref name="result"/> ran as <c>Cached</c> or <c>Unchanged</c>: what a
    /// run over an equal compilation must show. A step whose output is fresh each run (a Roslyn object, or a value
    /// without value equality) would show <c>Modified</c> or <c>New</c> here.
    /// </summary>
    public static void EveryStepCachedOrUnchanged(GeneratorRunResult result)
    {
        foreach (var (name, steps) in result.TrackedSteps.Where(step => TrackingNameSet.Contains(step.Key)))
        {
            foreach (var step in steps)
            {
                foreach (var (_, reason) in step.Outputs)
                {
                    Assert.True(
                        reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                        $"Tracked step '{name}' ran with reason {reason} on an unchanged compilation.");
                }
            }
        }

        foreach (var (name, steps) in result.TrackedOutputSteps)
        {
            // The diagnostics output meets the compilation on purpose (it turns plain positions back into source
            // locations, so #pragma works), and a clone is a new compilation: it alone may run again.
            foreach (var (_, reason) in steps.Where(step => !DependsOnTheCompilation(step)).SelectMany(step => step.Outputs))
            {
                Assert.True(
                    reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"Output '{name}' ran with reason {reason} on an unchanged compilation.");
            }
        }
    }

    private static bool DependsOnTheCompilation(IncrementalGeneratorRunStep step) =>
        step.Name == "Compilation" || step.Inputs.Any(input => DependsOnTheCompilation(input.Source));

    /// <summary>The names in <see cref="TrackingNames"/>, read by reflection so a new step is checked without a test edit.</summary>
    public static System.Collections.Generic.IReadOnlySet<string> TrackingNameSet { get; } =
        typeof(TrackingNames).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(field => field.IsLiteral)
            .Select(field => (string)field.GetRawConstantValue()!)
            .ToHashSet(System.StringComparer.Ordinal);
}

using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace TokenGen.Generator.Tests.Infrastructure;

/// <summary>
/// Walks by reflection what the generator's tracked steps produced and fails on any Roslyn object in it: a symbol,
/// syntax node, tree, compilation, semantic model, location, or anything else from a Roslyn assembly but the plain
/// position values a diagnostic needs (<see cref="TextSpan"/>, <see cref="LinePositionSpan"/>). Such an object would
/// keep a compilation alive and compare unequal from run to run, so the step would never be cached.
/// </summary>
internal static class SpecWalk
{
    private static readonly HashSet<Type> s_allowedRoslynValues = new()
    {
        typeof(TextSpan), typeof(LinePositionSpan), typeof(LinePosition), typeof(IncrementalStepRunReason),
    };

    /// <summary>Walks the outputs of every step named in <see cref="TrackingNames"/>.</summary>
    public static void AssertHoldsNoRoslynObjects(GeneratorRunResult result)
    {
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var (name, steps) in result.TrackedSteps.Where(step => CachingAssert.TrackingNameSet.Contains(step.Key)))
        {
            var index = 0;
            foreach (var output in steps.SelectMany(step => step.Outputs))
            {
                AssertHoldsNoRoslynObjects(output.Value, $"{name}[{index++}]", visited);
            }
        }
    }

    /// <summary>Walks <paramref name="value"/>'s object graph, naming the path to whatever it fails on.</summary>
    public static void AssertHoldsNoRoslynObjects(object? value, string path, HashSet<object> visited)
    {
        if (value is null || value is string || value is Pointer)
        {
            return;
        }

        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || s_allowedRoslynValues.Contains(type))
        {
            return;
        }

        Assert.False(value is ISymbol, $"{path} holds an ISymbol ({type}).");
        Assert.False(value is SyntaxNode, $"{path} holds a SyntaxNode ({type}).");
        Assert.False(value is Compilation, $"{path} holds a Compilation ({type}).");
        Assert.False(value is SemanticModel, $"{path} holds a SemanticModel ({type}).");
        Assert.False(value is SyntaxTree, $"{path} holds a SyntaxTree ({type}).");
        Assert.False(value is Location, $"{path} holds a Location ({type}).");
        Assert.False(
            type.Assembly.GetName().Name?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true,
            $"{path} holds a Roslyn object ({type}).");

        if (!type.IsValueType && !visited.Add(value))
        {
            return;
        }

        // A default ImmutableArray (an EquatableArray left at its default, which reads as empty) cannot be enumerated.
        if (value is IEnumerable items && !IsDefaultImmutableArray(value, type))
        {
            var index = 0;
            foreach (var item in items)
            {
                AssertHoldsNoRoslynObjects(item, $"{path}[{index++}]", visited);
            }

            if (type.IsArray)
            {
                return;
            }
        }

        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                AssertHoldsNoRoslynObjects(field.GetValue(value), $"{path}.{field.Name}", visited);
            }
        }
    }

    private static bool IsDefaultImmutableArray(object value, Type type) =>
        type.IsGenericType
        && type.GetGenericTypeDefinition() == typeof(System.Collections.Immutable.ImmutableArray<>)
        && (bool)type.GetProperty(nameof(System.Collections.Immutable.ImmutableArray<int>.IsDefault))!.GetValue(value)!;
}

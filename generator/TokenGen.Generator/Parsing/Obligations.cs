using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using TokenGen.Generator.Model;

namespace TokenGen.Generator.Parsing;

/// <summary>Reads the <c>[Obsolete]</c> and <c>[Experimental]</c> attributes a client must carry over to its implementation.</summary>
internal static class Obligations
{
    public static EquatableArray<ObligationSpec> Of(ISymbol symbol)
    {
        List<ObligationSpec>? found = null;
        Collect(symbol, ref found);
        return found is null ? EquatableArray<ObligationSpec>.Empty : found.ToEquatableArray();
    }

    /// <summary>
    /// The obligations of every type named in <paramref name="type"/>'s name: the type itself, the types containing it,
    /// its type arguments, array and pointer element types, each once, in that order.
    /// </summary>
    public static EquatableArray<ObligationSpec> OfTypeName(ITypeSymbol type)
    {
        List<ObligationSpec>? found = null;
        if (type is INamedTypeSymbol { IsGenericType: false, ContainingType: null } simple)
        {
            // The common case, a plain named type: its own attributes, without the walk's bookkeeping.
            Collect(simple.OriginalDefinition, ref found);
            return found is null ? EquatableArray<ObligationSpec>.Empty : found.ToEquatableArray();
        }

        var visited = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        CollectFromTypeName(type, visited, ref found);
        return found is null ? EquatableArray<ObligationSpec>.Empty : found.ToEquatableArray();
    }

    private static void CollectFromTypeName(ITypeSymbol type, HashSet<ISymbol> visited, ref List<ObligationSpec>? found)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                CollectFromTypeName(array.ElementType, visited, ref found);
                return;
            case IPointerTypeSymbol pointer:
                CollectFromTypeName(pointer.PointedAtType, visited, ref found);
                return;
            case INamedTypeSymbol named when visited.Add(named.OriginalDefinition):
                for (INamedTypeSymbol? current = named.OriginalDefinition; current is not null; current = current.ContainingType)
                {
                    Collect(current, ref found);
                }

                foreach (var argument in named.TypeArguments)
                {
                    CollectFromTypeName(argument, visited, ref found);
                }

                return;
        }
    }

    private static void Collect(ISymbol symbol, ref List<ObligationSpec>? found)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is not { ContainingNamespace: { } ns } attributeClass)
            {
                continue;
            }

            var namespaceName = ns.ToDisplayString();
            if (attributeClass.Name == "ObsoleteAttribute" && namespaceName == "System")
            {
                var message = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : null;
                var isError = attribute.ConstructorArguments.Length > 1 && attribute.ConstructorArguments[1].Value is true;
                (found ??= new()).Add(new ObligationSpec(IsExperimental: false, message, isError));
            }
            else if (attributeClass.Name == "ExperimentalAttribute" && namespaceName == "System.Diagnostics.CodeAnalysis")
            {
                var diagnosticId = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : null;
                (found ??= new()).Add(new ObligationSpec(IsExperimental: true, diagnosticId, IsError: false));
            }
        }
    }
}

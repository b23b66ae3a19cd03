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

        return found is null ? EquatableArray<ObligationSpec>.Empty : found.ToEquatableArray();
    }
}

using Microsoft.CodeAnalysis;
using TokenGen.Generator.Diagnostics;

namespace TokenGen.Generator.Parsing;

internal sealed partial class ClientParser
{
    /// <summary>
    /// Declarations the generated client must be able to refer to from a file of its own: a <c>file</c>-local interface
    /// or serializer context cannot be seen from there (TG0047), and a serializer context that is not partial gets no
    /// type information from System.Text.Json, so the client's references to it would fail to compile (TG0046).
    /// </summary>
    private void CheckDeclarationsTheClientRefersTo(INamedTypeSymbol interfaceSymbol, INamedTypeSymbol? contextType, AttributeData tokenApi, Location identifierLocation)
    {
        if (interfaceSymbol.IsFileLocal)
        {
            Report(DiagnosticDescriptors.FileLocalType, identifierLocation, interfaceSymbol.Name);
        }

        if (contextType is null)
        {
            return;
        }

        var contextLocation = NamedArgumentLocation(tokenApi, "SerializerContext") ?? identifierLocation;
        if (contextType.IsFileLocal)
        {
            Report(DiagnosticDescriptors.FileLocalType, contextLocation, contextType.Name);
            return;
        }

        // A context from another assembly was compiled there, with its type information; only source can lack 'partial'.
        // System.Text.Json needs every type containing the context to be partial as well.
        for (var type = contextType; type is not null; type = type.ContainingType)
        {
            if (type.DeclaringSyntaxReferences.Length > 0 && !IsPartialEverywhere(type))
            {
                Report(DiagnosticDescriptors.SerializerContextNotPartial, contextLocation, contextType.ToDisplayString(), _interfaceDisplayName);
                return;
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TokenGen.Generator.Diagnostics;
using TokenGen.Generator.Model;

namespace TokenGen.Generator.Parsing;

/// <summary>
/// Turns one <c>[TokenApi]</c> interface into a <see cref="ClientSpec"/> and its diagnostics. Everything the emitter
/// needs is decided here; no symbol, syntax node or compilation leaves this class.
/// </summary>
internal sealed partial class ClientParser
{
    private readonly KnownTypeSymbols _known;
    private readonly CancellationToken _cancellationToken;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private int _errorCount;
    private readonly EnumFormatterRegistry _enums;
    private readonly ValueFormats _formats;
    private JsonTypeRegistry _jsonTypes = null!;
    private string _interfaceDisplayName = string.Empty;
    private string? _serializerContextName;
    private bool _serializerContextRejected;

    private ClientParser(Compilation compilation, CancellationToken cancellationToken)
    {
        _known = KnownTypeSymbols.For(compilation);
        _cancellationToken = cancellationToken;
        _enums = new EnumFormatterRegistry(_known);
        _formats = new ValueFormats(_known, _enums);
    }

    /// <summary>The transform of the pipeline's <c>ForAttributeWithMetadataName</c> step.</summary>
    public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol { TypeKind: TypeKind.Interface } interfaceSymbol
            || context.TargetNode is not InterfaceDeclarationSyntax declaration)
        {
            return new ParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        if (!CarriesTheFirstTokenApi(interfaceSymbol, declaration))
        {
            // [TokenApi] on two parts of one partial interface: the compiler reports the duplicate (CS0579), and the
            // interface is still one client, generated once, from the part that carries the first attribute.
            return new ParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        var parser = new ClientParser(context.SemanticModel.Compilation, cancellationToken);
        var spec = parser.ParseInterface(interfaceSymbol, declaration, context.Attributes[0]);
        return new ParseResult(spec, parser._diagnostics.ToEquatableArray());
    }

    /// <summary>Whether <paramref name="declaration"/> holds the interface's first <c>[TokenApi]</c>, across all its parts.</summary>
    private static bool CarriesTheFirstTokenApi(INamedTypeSymbol interfaceSymbol, InterfaceDeclarationSyntax declaration)
    {
        if (interfaceSymbol.DeclaringSyntaxReferences.Length < 2)
        {
            return true;
        }

        foreach (var attribute in interfaceSymbol.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() != TokenApiAttributeFullName)
            {
                continue;
            }

            return attribute.ApplicationSyntaxReference is not { } reference
                || (reference.SyntaxTree == declaration.SyntaxTree && declaration.Span.Contains(reference.Span));
        }

        return true;
    }

    private const string TokenApiAttributeFullName = "TokenGen.TokenApiAttribute";

    private ClientSpec? ParseInterface(INamedTypeSymbol interfaceSymbol, InterfaceDeclarationSyntax declaration, AttributeData tokenApi)
    {
        _interfaceDisplayName = interfaceSymbol.Name;
        var identifierLocation = declaration.Identifier.GetLocation();
        var errorsBefore = _errorCount;

        if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            Report(DiagnosticDescriptors.InterfaceNotPartial, identifierLocation, interfaceSymbol.Name);
        }

        if (interfaceSymbol.ContainingType is not null)
        {
            Report(DiagnosticDescriptors.UnsupportedInterfaceShape, identifierLocation, interfaceSymbol.Name, "it is nested in another type; declare it directly in a namespace");
        }

        if (interfaceSymbol.IsGenericType)
        {
            Report(DiagnosticDescriptors.UnsupportedInterfaceShape, identifierLocation, interfaceSymbol.Name, "it is generic; declare one interface per concrete API");
        }

        var baseAddress = ParseBaseAddress(tokenApi, identifierLocation);
        var contextType = ParseSerializerContext(tokenApi, identifierLocation);
        _jsonTypes = new JsonTypeRegistry(_known, contextType);
        CheckDeclarationsTheClientRefersTo(interfaceSymbol, contextType, tokenApi, identifierLocation);

        ReportFactoryCollisions(interfaceSymbol, identifierLocation);
        var interfaceHeaders = ParseStaticHeaders(interfaceSymbol, interfaceSymbol.Name);
        var operations = new List<OperationSpec>();
        ParseMembers(interfaceSymbol, interfaceSymbol, identifierLocation, interfaceHeaders, operations);
        foreach (var baseInterface in interfaceSymbol.AllInterfaces)
        {
            ParseMembers(interfaceSymbol, baseInterface, identifierLocation, interfaceHeaders, operations);
        }

        if (_errorCount > errorsBefore)
        {
            // An error stops the whole interface: a half-generated client would only add confusing compiler errors.
            return null;
        }

        var ns = interfaceSymbol.ContainingNamespace is { IsGlobalNamespace: false } containing
            ? containing.ToDisplayString()
            : null;

        return new ClientSpec(
            ns,
            TypeNames.EscapeTypeName(interfaceSymbol.Name),
            _known.TypeRefOf(interfaceSymbol),
            tokenApi.AttributeClass is { } tokenApiClass ? TypeNames.ClientName(interfaceSymbol, tokenApiClass) : GetClientName(interfaceSymbol.Name),
            interfaceSymbol.DeclaredAccessibility == Accessibility.Public,
            baseAddress,
            contextType is null ? null : _known.TypeRefOf(contextType),
            _jsonTypes.Types.ToEquatableArray(),
            _enums.Formatters.ToEquatableArray(),
            operations.ToEquatableArray(),
            _tokenReaders.ToEquatableArray(),
            _redactedModels.ToEquatableArray(),
            (ns is null ? string.Empty : ns + ".") + interfaceSymbol.Name + ".g.cs",
            HidesInheritedFactories: tokenApi.AttributeClass is { } attribute && TypeNames.InheritsAttributedInterface(interfaceSymbol, attribute));
    }

    /// <summary><c>IDirectLineTokens</c> → <c>DirectLineTokensClient</c>; a name without the <c>I</c> prefix keeps its name.</summary>
    internal static string GetClientName(string interfaceName)
    {
        var stem = interfaceName.Length > 1 && interfaceName[0] == 'I' && char.IsUpper(interfaceName[1])
            ? interfaceName.Substring(1)
            : interfaceName;
        return stem + "Client";
    }

    private string? ParseBaseAddress(AttributeData tokenApi, Location fallback)
    {
        foreach (var named in tokenApi.NamedArguments)
        {
            if (named.Key != "BaseAddress" || named.Value.Value is not string value)
            {
                continue;
            }

            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            {
                Report(DiagnosticDescriptors.InvalidBaseAddress, NamedArgumentLocation(tokenApi, "BaseAddress") ?? fallback, value, _interfaceDisplayName);
                return null;
            }

            return value;
        }

        return null;
    }

    private INamedTypeSymbol? ParseSerializerContext(AttributeData tokenApi, Location fallback)
    {
        foreach (var named in tokenApi.NamedArguments)
        {
            if (named.Key != "SerializerContext" || named.Value.Value is not INamedTypeSymbol contextType)
            {
                continue;
            }

            if (!KnownTypeSymbols.DerivesFrom(contextType, _known.JsonSerializerContext))
            {
                Report(DiagnosticDescriptors.InvalidSerializerContext, NamedArgumentLocation(tokenApi, "SerializerContext") ?? fallback, contextType.ToDisplayString(), _interfaceDisplayName);
                _serializerContextRejected = true; // TG0009 says it all; no TG0015 "names no SerializerContext" per JSON type
                return null;
            }

            _serializerContextName = contextType.ToDisplayString();
            return contextType;
        }

        return null;
    }

    private void ParseMembers(
        INamedTypeSymbol client,
        INamedTypeSymbol declaringInterface,
        Location fallback,
        List<HeaderSpec> interfaceHeaders,
        List<OperationSpec> operations)
    {
        foreach (var member in declaringInterface.GetMembers())
        {
            _cancellationToken.ThrowIfCancellationRequested();
            switch (member)
            {
                case IPropertySymbol or IEventSymbol when member.IsAbstract && !IsImplementedByAnInterface(client, member):
                    Report(DiagnosticDescriptors.PropertyOrEvent, LocationOf(member, fallback), member.Name, client.Name);
                    break;
                case IMethodSymbol { MethodKind: MethodKind.Ordinary, IsAbstract: true, IsStatic: true }:
                    Report(DiagnosticDescriptors.UnsupportedInterfaceShape, LocationOf(member, fallback), client.Name, $"'{member.Name}' is a static abstract member, which a client instance cannot implement");
                    break;
                case IMethodSymbol { MethodKind: MethodKind.Ordinary, IsAbstract: true, IsStatic: false } method
                    when !IsImplementedByAnInterface(client, method) && !_factoryShapedMethods.Contains(method):
                    if (ParseOperation(method, declaringInterface, fallback, interfaceHeaders) is { } operation)
                    {
                        operations.Add(operation);
                    }

                    break;
            }
        }
    }

    private List<HeaderSpec> ParseStaticHeaders(ISymbol symbol, string ownerName)
    {
        var headers = new List<HeaderSpec>();
        foreach (var attribute in symbol.GetAttributes())
        {
            if (!KnownTypeSymbols.IsSame(attribute.AttributeClass, _known.HeadersAttribute)
                || attribute.ConstructorArguments.Length != 1
                || attribute.ConstructorArguments[0] is { Kind: TypedConstantKind.Array, IsNull: true })
            {
                continue; // [Headers(null)]: no headers, as the attribute itself reads it (its Values would be default)
            }

            var values = attribute.ConstructorArguments[0].Kind == TypedConstantKind.Array
                ? attribute.ConstructorArguments[0].Values
                : System.Collections.Immutable.ImmutableArray.Create(attribute.ConstructorArguments[0]);
            for (var i = 0; i < values.Length; i++)
            {
                var text = values[i].Value as string;
                if (HeaderRules.TryParseStatic(text, out var error) is { } header)
                {
                    headers.Add(new HeaderSpec(header.Name, header.Value));
                }
                else
                {
                    var location = ArgumentLocation(attribute, i) ?? LocationOf(symbol, null);
                    Report(DiagnosticDescriptors.InvalidHeader, location, text ?? "null", ownerName, error!);
                }
            }
        }

        return headers;
    }

    private void Report(DiagnosticDescriptor descriptor, Location? location, params string[] messageArgs)
    {
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, messageArgs));
        if (descriptor.DefaultSeverity == DiagnosticSeverity.Error)
        {
            _errorCount++;
        }
    }

    private static Location? LocationOf(ISymbol symbol, Location? fallback)
    {
        foreach (var location in symbol.Locations)
        {
            if (location.IsInSource)
            {
                return location;
            }
        }

        return fallback;
    }

    private Location? AttributeLocation(AttributeData attribute) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(_cancellationToken).GetLocation();

    private Location? NamedArgumentLocation(AttributeData attribute, string name)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(_cancellationToken) is AttributeSyntax { ArgumentList: { } arguments } syntax)
        {
            foreach (var argument in arguments.Arguments)
            {
                if (argument.NameEquals?.Name.Identifier.ValueText == name)
                {
                    return argument.Expression.GetLocation();
                }
            }

            return syntax.GetLocation();
        }

        return null;
    }

    /// <summary>The location of the <paramref name="index"/>-th positional argument (params arrays count element by element).</summary>
    private Location? ArgumentLocation(AttributeData attribute, int index)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(_cancellationToken) is AttributeSyntax syntax)
        {
            var positional = 0;
            foreach (var argument in syntax.ArgumentList?.Arguments ?? default)
            {
                if (argument.NameEquals is not null || argument.NameColon is not null)
                {
                    continue;
                }

                if (positional == index)
                {
                    return argument.GetLocation();
                }

                positional++;
            }

            return syntax.GetLocation();
        }

        return null;
    }
}

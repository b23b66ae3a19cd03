using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TokenGen.Generator.Diagnostics;
using TokenGen.Generator.Parsing;

namespace TokenGen.Generator.Analyzers;

/// <summary>
/// Reports TG0022 where <c>TokenSession.Create</c> is given an operation whose response carries no
/// <c>[AccessToken]</c>: without this, the mistake would only show at run time, on the first token request.
/// </summary>
/// <remarks>
/// The session reads responses through the readers the generator registers, one per response type with an access
/// token; this analyzer applies the same <see cref="TokenRoleFinder"/> to the type arguments of the call, so the
/// two cannot disagree.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TokenSessionAnalyzer : DiagnosticAnalyzer
{
    private const string TokenSessionMetadataName = "TokenGen.TokenSession";
    private const string CreateMethodName = "Create";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.SessionResponseWithoutAccessToken);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (start.Compilation.GetTypeByMetadataName(TokenSessionMetadataName) is not { } tokenSession)
            {
                return; // not a TokenGen project
            }

            var known = KnownTypeSymbols.For(start.Compilation);
            var finder = new TokenRoleFinder(known);
            start.RegisterOperationAction(
                operationContext => AnalyzeInvocation(operationContext, tokenSession, known, finder),
                OperationKind.Invocation);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, INamedTypeSymbol tokenSession, KnownTypeSymbols known, TokenRoleFinder finder)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.Name != CreateMethodName
            || !method.IsStatic
            || !method.IsGenericMethod
            || !KnownTypeSymbols.IsSame(method.ContainingType, tokenSession))
        {
            return;
        }

        // Create<TAcquired> and Create<TAcquired, TRefreshed>: each type argument is a response the session reads.
        for (var i = 0; i < method.TypeArguments.Length; i++)
        {
            var responseType = method.TypeArguments[i];
            // ApiResponse<T> holds T, token and all, but no reader is registered for it: it never throws, and a session
            // needs an error status to throw so it can fall back from a refused refresh.
            var isApiResponse = IsApiResponse(responseType, known);
            if (responseType.TypeKind == TypeKind.Error
                || (!isApiResponse && finder.Find(responseType, context.CancellationToken).HasAccessToken))
            {
                continue;
            }

            var location = ArgumentProducing(invocation, method.OriginalDefinition.TypeParameters[i])?.Syntax.GetLocation()
                ?? invocation.Syntax.GetLocation();
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.SessionResponseWithoutAccessToken,
                location,
                CreateMethodName,
                responseType.ToDisplayString(),
                TokenRoleTypes.Requirement(TokenRole.AccessToken),
                isApiResponse ? ApiResponseHint : string.Empty));
        }
    }

    /// <summary>The delegate argument whose task yields <paramref name="typeParameter"/>, wherever it stands (named arguments reorder).</summary>
    private static IArgumentOperation? ArgumentProducing(IInvocationOperation invocation, ITypeParameterSymbol typeParameter)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } parameter
                && invocation.TargetMethod.OriginalDefinition.Parameters[parameter.Ordinal].Type is INamedTypeSymbol { DelegateInvokeMethod.ReturnType: INamedTypeSymbol { TypeArguments: [var produced] } }
                && SymbolEqualityComparer.Default.Equals(produced, typeParameter))
            {
                return argument;
            }
        }

        return null;
    }

    private const string ApiResponseHint =
        "; a session needs an operation returning Task<T>, which throws on an error status, not ApiResponse<T>";

    private static bool IsApiResponse(ITypeSymbol type, KnownTypeSymbols known) =>
        type is INamedTypeSymbol { TypeArguments.Length: 1 } named && KnownTypeSymbols.IsSame(named.OriginalDefinition, known.ApiResponseOfT);
}

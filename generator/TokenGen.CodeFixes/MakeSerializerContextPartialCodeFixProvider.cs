using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TokenGen.CodeFixes;

/// <summary>
/// TG0046: the serializer context named by <c>[TokenApi(SerializerContext = typeof(...))]</c> is not partial. The
/// diagnostic sits on the <c>typeof</c>; the fix declares the context, and any type containing it, <c>partial</c>,
/// wherever they are declared.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeSerializerContextPartialCodeFixProvider)), Shared]
public sealed class MakeSerializerContextPartialCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.SerializerContextNotPartial);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var typeOf = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<TypeOfExpressionSyntax>();
            if (typeOf is null || model.GetTypeInfo(typeOf.Type, context.CancellationToken).Type is not INamedTypeSymbol contextType)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Make '{contextType.Name}' partial",
                    cancellationToken => PartialDeclarations.MakePartialAsync(context.Document.Project.Solution, contextType, includeContainingTypes: true, cancellationToken),
                    equivalenceKey: nameof(MakeSerializerContextPartialCodeFixProvider)),
                diagnostic);
        }
    }
}

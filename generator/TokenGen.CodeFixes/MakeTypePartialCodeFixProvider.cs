using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TokenGen.CodeFixes;

/// <summary>
/// TG0001 (a <c>[TokenApi]</c> interface that is not partial) and TG0023 (a record carrying secrets that is not partial):
/// both are reported on the type's name, and both are fixed by declaring the type <c>partial</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeTypePartialCodeFixProvider)), Shared]
public sealed class MakeTypePartialCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.InterfaceNotPartial, DiagnosticIds.RecordPrintsSecrets);

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
            var declaration = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.FirstAncestorOrSelf<TypeDeclarationSyntax>();
            if (declaration is null || model.GetDeclaredSymbol(declaration, context.CancellationToken) is not INamedTypeSymbol type)
            {
                continue;
            }

            var title = $"Make '{type.Name}' partial";
            context.RegisterCodeFix(
                CodeAction.Create(
                    title,
                    cancellationToken => PartialDeclarations.MakePartialAsync(context.Document.Project.Solution, type, includeContainingTypes: false, cancellationToken),
                    equivalenceKey: nameof(MakeTypePartialCodeFixProvider) + diagnostic.Id),
                diagnostic);
        }
    }
}

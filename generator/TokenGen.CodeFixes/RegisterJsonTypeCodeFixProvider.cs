using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace TokenGen.CodeFixes;

/// <summary>
/// TG0008: a type an operation reads or writes as JSON is missing from the serializer context. The fix adds
/// <c>[JsonSerializable(typeof(T))]</c> to the context named by the operation's <c>[TokenApi]</c>, after the ones it has.
/// </summary>
/// <remarks>
/// The type is found again from the syntax the diagnostic sits on, as the generator found it: the <c>T</c> of a
/// <c>Task&lt;T&gt;</c> or <c>Task&lt;ApiResponse&lt;T&gt;&gt;</c> return type, or a body parameter's type; a nullable
/// reference annotation is dropped, since <c>typeof</c> does not take one.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RegisterJsonTypeCodeFixProvider)), Shared]
public sealed class RegisterJsonTypeCodeFixProvider : CodeFixProvider
{
    private const string JsonSerializableAttributeName = "System.Text.Json.Serialization.JsonSerializableAttribute";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.TypeNotInSerializerContext);

    // Two fixes on one context insert attributes at the same place, which the batch fixer cannot merge; fixed one by one.
    /// <inheritdoc />
    public override FixAllProvider? GetFixAllProvider() => null;

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
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (FindJsonType(node, model, context.CancellationToken) is not { } jsonType
                || node.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method
                || model.GetDeclaredSymbol(method, context.CancellationToken)?.ContainingType is not { } tokenApi
                || FindSerializerContext(tokenApi) is not { } serializerContext
                || serializerContext.DeclaringSyntaxReferences.Length == 0
                || model.Compilation.GetTypeByMetadataName(JsonSerializableAttributeName) is not { } jsonSerializable)
            {
                continue;
            }

            var typeName = jsonType.ToMinimalDisplayString(model, node.SpanStart);
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Register '{typeName}' in '{serializerContext.Name}'",
                    cancellationToken => RegisterAsync(context.Document.Project.Solution, serializerContext, jsonSerializable, jsonType, cancellationToken),
                    equivalenceKey: nameof(RegisterJsonTypeCodeFixProvider)),
                diagnostic);
        }
    }

    private static ITypeSymbol? FindJsonType(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        ITypeSymbol? type = null;
        if (node.FirstAncestorOrSelf<ParameterSyntax>() is { } parameter)
        {
            type = model.GetDeclaredSymbol(parameter, cancellationToken)?.Type;
        }
        else if (node.FirstAncestorOrSelf<MethodDeclarationSyntax>() is { } method
            && method.ReturnType.Span.Contains(node.Span)
            && model.GetDeclaredSymbol(method, cancellationToken)?.ReturnType is INamedTypeSymbol { TypeArguments.Length: 1 } task)
        {
            var result = task.TypeArguments[0];
            type = result is INamedTypeSymbol { Name: "ApiResponse", TypeArguments.Length: 1 } apiResponse
                && apiResponse.ContainingNamespace?.ToDisplayString() == "TokenGen"
                ? apiResponse.TypeArguments[0]
                : result;
        }

        return type?.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
    }

    private static INamedTypeSymbol? FindSerializerContext(INamedTypeSymbol tokenApi)
    {
        foreach (var attribute in tokenApi.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() != "TokenGen.TokenApiAttribute")
            {
                continue;
            }

            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "SerializerContext" && named.Value.Value is INamedTypeSymbol serializerContext)
                {
                    return serializerContext;
                }
            }
        }

        return null;
    }

    private static async Task<Solution> RegisterAsync(Solution solution, INamedTypeSymbol serializerContext, INamedTypeSymbol jsonSerializable, ITypeSymbol jsonType, CancellationToken cancellationToken)
    {
        // The part that already lists types, so the new one stands beside them; else the first part.
        ClassDeclarationSyntax? target = null;
        foreach (var reference in serializerContext.DeclaringSyntaxReferences)
        {
            if (await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false) is not ClassDeclarationSyntax declaration)
            {
                continue;
            }

            target ??= declaration;
            if (LastJsonSerializableList(declaration) is not null)
            {
                target = declaration;
                break;
            }
        }

        if (target is null || solution.GetDocument(target.SyntaxTree) is not { } document)
        {
            return solution;
        }

        var generator = SyntaxGenerator.GetGenerator(document);
        var attribute = SyntaxFactory.Attribute(
            (NameSyntax)generator.TypeExpression(jsonSerializable),
            SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(
                SyntaxFactory.AttributeArgument(SyntaxFactory.TypeOfExpression((TypeSyntax)generator.TypeExpression(jsonType))))));
        var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute))
            .WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);

        var root = await target.SyntaxTree.GetRootAsync(cancellationToken).ConfigureAwait(false);
        // The file's own line ending, not the formatter's default, so the file keeps one convention.
        var endOfLine = root.DescendantTrivia().FirstOrDefault(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia)) is { RawKind: not 0 } found
            ? found
            : SyntaxFactory.ElasticCarriageReturnLineFeed;
        var lists = target.AttributeLists;
        var after = LastJsonSerializableList(target);
        var index = after is null ? 0 : lists.IndexOf(after) + 1;
        ClassDeclarationSyntax updated;
        if (index == 0 && lists.Count == 0)
        {
            // No attributes yet: the new list takes the declaration's leading trivia (indentation, doc comments).
            var leading = target.GetLeadingTrivia();
            updated = target.WithoutLeadingTrivia()
                .WithAttributeLists(SyntaxFactory.SingletonList(list.WithLeadingTrivia(leading).WithTrailingTrivia(endOfLine)));
        }
        else if (index == 0)
        {
            var first = lists[0];
            updated = target.WithAttributeLists(lists
                .Replace(first, first.WithoutLeadingTrivia())
                .Insert(0, list.WithLeadingTrivia(first.GetLeadingTrivia()).WithTrailingTrivia(endOfLine)));
        }
        else
        {
            updated = target.WithAttributeLists(lists.Insert(index, list));
        }

        var newDocument = document.WithSyntaxRoot(root.ReplaceNode(target, updated));
        newDocument = await Simplifier.ReduceAsync(newDocument, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        newDocument = await Formatter.FormatAsync(newDocument, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return newDocument.Project.Solution;
    }

    private static AttributeListSyntax? LastJsonSerializableList(ClassDeclarationSyntax declaration) =>
        declaration.AttributeLists.LastOrDefault(list => list.Attributes.Any(attribute =>
            attribute.Name.ToString() is var name
            && (name.EndsWith("JsonSerializable", System.StringComparison.Ordinal) || name.EndsWith("JsonSerializableAttribute", System.StringComparison.Ordinal))));
}

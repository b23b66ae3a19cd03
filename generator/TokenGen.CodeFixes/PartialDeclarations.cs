using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TokenGen.CodeFixes;

/// <summary>Adds <c>partial</c> to every declaration of a type (and, when asked, of the types containing it) that lacks it.</summary>
internal static class PartialDeclarations
{
    /// <summary>
    /// A type declared in several parts needs <c>partial</c> on each, possibly in several documents, so the fix edits the
    /// solution rather than one document.
    /// </summary>
    public static async Task<Solution> MakePartialAsync(Solution solution, INamedTypeSymbol type, bool includeContainingTypes, CancellationToken cancellationToken)
    {
        var declarations = new List<SyntaxReference>();
        for (var current = type; current is not null; current = includeContainingTypes ? current.ContainingType : null)
        {
            declarations.AddRange(current.DeclaringSyntaxReferences);
        }

        foreach (var byTree in declarations.GroupBy(reference => reference.SyntaxTree))
        {
            var document = solution.GetDocument(byTree.Key);
            if (document is null)
            {
                continue; // a declaration outside the solution's documents (generated code) cannot be edited
            }

            var root = await byTree.Key.GetRootAsync(cancellationToken).ConfigureAwait(false);
            var nodes = new List<TypeDeclarationSyntax>();
            foreach (var reference in byTree)
            {
                if (await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false) is TypeDeclarationSyntax declaration
                    && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    nodes.Add(declaration);
                }
            }

            if (nodes.Count > 0)
            {
                root = root.ReplaceNodes(nodes, static (_, rewritten) => WithPartial(rewritten));
                solution = solution.WithDocumentSyntaxRoot(document.Id, root);
            }
        }

        return solution;
    }

    /// <summary>
    /// <c>partial</c> goes last among the modifiers, right before <c>class</c>, <c>interface</c>, <c>record</c> or
    /// <c>struct</c>; with no modifiers it takes over the keyword's leading trivia, so indentation and comments stay.
    /// </summary>
    public static TypeDeclarationSyntax WithPartial(TypeDeclarationSyntax declaration)
    {
        if (declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return declaration;
        }

        if (declaration.Modifiers.Count == 0)
        {
            var keyword = declaration.Keyword;
            var partial = SyntaxFactory.Token(keyword.LeadingTrivia, SyntaxKind.PartialKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
            return declaration
                .WithKeyword(keyword.WithLeadingTrivia(SyntaxFactory.TriviaList()))
                .WithModifiers(SyntaxFactory.TokenList(partial));
        }

        return declaration.WithModifiers(declaration.Modifiers.Add(
            SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.PartialKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space))));
    }
}

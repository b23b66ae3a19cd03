using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TokenGen.Generator.Diagnostics;
using TokenGen.Generator.Emitting;
using TokenGen.Generator.Model;
using TokenGen.Generator.Parsing;

namespace TokenGen.Generator;

/// <summary>
/// Generates a client for every <c>[TokenApi]</c> partial interface. The pipeline only wires steps together:
/// parsing is in <see cref="ClientParser"/>, emitting in <see cref="ClientEmitter"/>.
/// </summary>
/// <remarks>
/// Each interface is its own pipeline item, parsed into a value-equatable <see cref="ClientSpec"/>, so an edit
/// elsewhere leaves its spec equal and its source cached, and an edit inside one interface re-emits only that
/// one. Diagnostics leave through their own output, never through the cached source path.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class TokenApiGenerator : IIncrementalGenerator
{
    private const string TokenApiAttributeName = "TokenGen.TokenApiAttribute";

    /// <summary>The version written into <c>[GeneratedCode]</c>.</summary>
    internal static readonly string Version = typeof(TokenApiGenerator).Assembly.GetName().Version?.ToString() ?? "0.0.0.0";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<ParseResult> parseResults = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                TokenApiAttributeName,
                static (node, _) => node is InterfaceDeclarationSyntax,
                static (syntaxContext, cancellationToken) => ClientParser.Parse(syntaxContext, cancellationToken))
            .WithTrackingName(TrackingNames.ParseResults);

        IncrementalValuesProvider<ClientSpec> clientSpecs = parseResults
            .Where(static result => result.Spec is not null)
            .Select(static (result, _) => result.Spec!)
            .WithTrackingName(TrackingNames.ClientSpecs);

        context.RegisterSourceOutput(clientSpecs, static (sourceContext, spec) =>
            sourceContext.AddSource(spec.HintName, ClientEmitter.Emit(spec, Version)));

        // A model used by several interfaces is found by each; its ToString is written once.
        IncrementalValuesProvider<RedactedModelSpec> redactedModels = clientSpecs
            .SelectMany(static (spec, _) => spec.RedactedModels)
            .Collect()
            .SelectMany(static (models, _) => DistinctByHintName(models))
            .WithTrackingName(TrackingNames.RedactedModels);

        context.RegisterSourceOutput(redactedModels, static (sourceContext, model) =>
            sourceContext.AddSource(model.HintName, RedactedToStringEmitter.Emit(model, Version)));

        IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> diagnostics = parseResults
            .Select(static (result, _) => result.Diagnostics)
            .Where(static infos => !infos.IsEmpty)
            .WithTrackingName(TrackingNames.DiagnosticInfos);

        // Only interfaces with diagnostics reach the compilation, which gives each diagnostic its real source
        // location back (so #pragma warning disable and editor squiggles work).
        context.RegisterSourceOutput(diagnostics.Combine(context.CompilationProvider), static (sourceContext, pair) =>
        {
            foreach (var info in pair.Left)
            {
                sourceContext.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.GetById(info.DescriptorId),
                    ToLocation(info, pair.Right),
                    ToMessageArgs(info)));
            }
        });
    }

    /// <summary>
    /// One model per hint name. Two interfaces may read one model differently (one sends it, where <c>code</c> is a
    /// secret, the other receives it); the reading that hides more wins, so a secret is never printed because of order.
    /// </summary>
    private static ImmutableArray<RedactedModelSpec> DistinctByHintName(ImmutableArray<RedactedModelSpec> models)
    {
        var indexByHintName = new System.Collections.Generic.Dictionary<string, int>(System.StringComparer.Ordinal);
        var builder = ImmutableArray.CreateBuilder<RedactedModelSpec>(models.Length);
        foreach (var model in models)
        {
            if (!indexByHintName.TryGetValue(model.HintName, out var index))
            {
                indexByHintName.Add(model.HintName, builder.Count);
                builder.Add(model);
            }
            else if (SecretCount(model) > SecretCount(builder[index]))
            {
                builder[index] = model;
            }
        }

        return builder.ToImmutable();
    }

    private static int SecretCount(RedactedModelSpec model)
    {
        var count = 0;
        foreach (var member in model.Members)
        {
            if (member.IsSecret)
            {
                count++;
            }
        }

        return count;
    }

    private static Location ToLocation(DiagnosticInfo info, Compilation compilation)
    {
        if (info.FilePath is null)
        {
            return Location.None;
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.FilePath == info.FilePath)
            {
                return Location.Create(tree, info.Span);
            }
        }

        return Location.Create(info.FilePath, info.Span, info.LineSpan);
    }

    private static object?[] ToMessageArgs(DiagnosticInfo info)
    {
        var args = new object?[info.MessageArgs.Count];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = info.MessageArgs[i];
        }

        return args;
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
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
/// A bug met while parsing or writing one interface becomes a TG0040 error on that interface alone: every other file of
/// the run is still written (an exception escaping a generator would drop all of them, CS8785).
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class TokenApiGenerator : IIncrementalGenerator
{
    private const string TokenApiAttributeName = "TokenGen.TokenApiAttribute";

    /// <summary>The version written into <c>[GeneratedCode]</c>.</summary>
    internal static readonly string Version = typeof(TokenApiGenerator).Assembly.GetName().Version?.ToString() ?? "0.0.0.0";

    /// <summary>
    /// Tests only: called with a stage (<c>"parse"</c> or <c>"emit"</c>) and a type's name before that stage works on
    /// it; an exception it throws stands for a bug there. Null outside tests.
    /// </summary>
    internal static Action<string, string>? FaultInjector { get; set; }

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<ParseResult> parseResults = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                TokenApiAttributeName,
                static (node, _) => node is InterfaceDeclarationSyntax,
                static (syntaxContext, cancellationToken) => ParseIsolated(syntaxContext, cancellationToken))
            .WithTrackingName(TrackingNames.ParseResults);

        IncrementalValuesProvider<ClientSpec> clientSpecs = parseResults
            .Where(static result => result.Spec is not null)
            .Select(static (result, _) => result.Spec!)
            .WithTrackingName(TrackingNames.ClientSpecs);

        // A model used by several interfaces is found by each; its ToString is written once.
        IncrementalValueProvider<EquatableArray<RedactedModelSpec>> redactedModels = clientSpecs
            .SelectMany(static (spec, _) => spec.RedactedModels)
            .Collect()
            .Select(static (models, _) => DistinctByHintName(models))
            .WithTrackingName(TrackingNames.RedactedModels);

        // Hint names are settled over the whole run, the one place that sees them all; each file stays its own item,
        // compared with the last run's, so an unchanged file is not written again.
        IncrementalValuesProvider<PlannedFile> plannedFiles = clientSpecs
            .Collect()
            .Combine(redactedModels)
            .SelectMany(static (pair, _) => HintNames.Plan(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.PlannedFiles);

        IncrementalValuesProvider<EmittedFile> emittedFiles = plannedFiles
            .Select(static (file, cancellationToken) => EmitIsolated(file, cancellationToken))
            .WithTrackingName(TrackingNames.EmittedFiles);

        context.RegisterSourceOutput(emittedFiles, static (sourceContext, file) =>
        {
            if (file.Text is not null)
            {
                sourceContext.AddSource(file.HintName, file.Text);
            }
        });

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

        // Likewise for a file that could not be written: only a failure meets the compilation, to find its type.
        IncrementalValuesProvider<GenerationFailure> emitFailures = emittedFiles
            .Where(static file => file.Failure is not null)
            .Select(static (file, _) => file.Failure!);

        context.RegisterSourceOutput(emitFailures.Combine(context.CompilationProvider), static (sourceContext, pair) =>
            sourceContext.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.GenerationFailed,
                LocationOfType(pair.Left.TypeMetadataName, pair.Right),
                pair.Left.DisplayName,
                pair.Left.ExceptionType,
                pair.Left.ExceptionMessage)));
    }

    /// <summary>
    /// Parses one attributed declaration; a bug in the parser becomes TG0040 on the interface instead of an exception
    /// that would stop the whole generator. Cancellation still propagates, as the driver expects.
    /// </summary>
    private static ParseResult ParseIsolated(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        try
        {
            FaultInjector?.Invoke("parse", context.TargetSymbol.Name);
            return ClientParser.Parse(context, cancellationToken);
        }
        catch (Exception exception) when (!IsCancellation(exception, cancellationToken))
        {
            var location = context.TargetNode is InterfaceDeclarationSyntax declaration
                ? declaration.Identifier.GetLocation()
                : context.TargetNode.GetLocation();
            var failure = DiagnosticInfo.Create(
                DiagnosticDescriptors.GenerationFailed,
                location,
                context.TargetSymbol.Name,
                TypeNameOf(exception),
                MessageOf(exception));
            return new ParseResult(null, ImmutableArray.Create(failure).ToEquatableArray());
        }
    }

    /// <summary>Writes one planned file; a bug in an emitter becomes a failure to report on the file's type.</summary>
    private static EmittedFile EmitIsolated(PlannedFile file, CancellationToken cancellationToken)
    {
        try
        {
            if (file.Client is { } client)
            {
                FaultInjector?.Invoke("emit", CSharpText.WithoutVerbatimPrefix(client.InterfaceName));
                return new EmittedFile(file.HintName, ClientEmitter.Emit(client, Version), null);
            }

            var model = file.RedactedModel!;
            FaultInjector?.Invoke("emit", model.DisplayName);
            return new EmittedFile(file.HintName, RedactedToStringEmitter.Emit(model, Version), null);
        }
        catch (Exception exception) when (!IsCancellation(exception, cancellationToken))
        {
            var failure = file.Client is { } client
                ? new GenerationFailure(MetadataNameOf(client.InterfaceType.ErasedName), CSharpText.WithoutVerbatimPrefix(client.InterfaceName), TypeNameOf(exception), MessageOf(exception))
                : new GenerationFailure(MetadataNameOf(file.RedactedModel!.Namespace, file.RedactedModel.DisplayName), file.RedactedModel.DisplayName, TypeNameOf(exception), MessageOf(exception));
            return new EmittedFile(file.HintName, null, failure);
        }
    }

    private static bool IsCancellation(Exception exception, CancellationToken cancellationToken) =>
        exception is OperationCanceledException && cancellationToken.IsCancellationRequested;

    private static string TypeNameOf(Exception exception) => exception.GetType().FullName ?? exception.GetType().Name;

    // The diagnostic's sentence ends with its own period.
    private static string MessageOf(Exception exception) => exception.Message.TrimEnd('.', ' ');

    /// <summary><c>global::Acme.@event.IApi</c> → <c>Acme.event.IApi</c> (interfaces are never nested or generic here).</summary>
    private static string MetadataNameOf(string fullName) =>
        fullName.Replace("global::", string.Empty).Replace("@", string.Empty);

    private static string MetadataNameOf(string? ns, string name) =>
        ns is null ? name : MetadataNameOf(ns) + "." + name;

    private static Location LocationOfType(string metadataName, Compilation compilation)
    {
        if (compilation.GetTypeByMetadataName(metadataName) is { } type)
        {
            foreach (var location in type.Locations)
            {
                if (location.IsInSource)
                {
                    return location;
                }
            }
        }

        return Location.None;
    }

    /// <summary>
    /// One model per hint name. Two interfaces may read one model differently (one sends it, where <c>code</c> is a
    /// secret, the other receives it); the reading that hides more wins, so a secret is never printed because of order.
    /// </summary>
    private static EquatableArray<RedactedModelSpec> DistinctByHintName(ImmutableArray<RedactedModelSpec> models)
    {
        var indexByHintName = new Dictionary<string, int>(StringComparer.Ordinal);
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

        return builder.ToImmutable().ToEquatableArray();
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
            if (info.SourceChecksum is null
                ? tree.FilePath == info.FilePath
                : string.IsNullOrEmpty(tree.FilePath) && DiagnosticInfo.ChecksumOf(tree) == info.SourceChecksum)
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

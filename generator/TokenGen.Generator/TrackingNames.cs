namespace TokenGen.Generator;

/// <summary>
/// Names of the incremental pipeline's steps, so tests can assert why each step ran (Cached, Unchanged, Modified).
/// </summary>
internal static class TrackingNames
{
    /// <summary>Each [TokenApi] interface parsed into a spec and its diagnostics.</summary>
    public const string ParseResults = nameof(ParseResults);

    /// <summary>The specs of interfaces valid enough to emit.</summary>
    public const string ClientSpecs = nameof(ClientSpecs);

    /// <summary>The partial models with secrets whose ToString TokenGen writes, each once.</summary>
    public const string RedactedModels = nameof(RedactedModels);

    /// <summary>Every file of the run (clients and redacting ToStrings) with its settled, case-insensitively unique hint name.</summary>
    public const string PlannedFiles = nameof(PlannedFiles);

    /// <summary>Each planned file written out, or the failure met writing it.</summary>
    public const string EmittedFiles = nameof(EmittedFiles);

    /// <summary>The diagnostics of each interface, as plain values.</summary>
    public const string DiagnosticInfos = nameof(DiagnosticInfos);
}

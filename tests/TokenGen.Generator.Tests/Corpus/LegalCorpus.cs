using System;
using System.Collections.Generic;
using System.Linq;

namespace TokenGen.Generator.Tests.Corpus;

/// <summary>
/// Legal declarations, as a user who read only the docs would write them, by area. Each must generate a client that
/// compiles with no TG diagnostic, no compiler error and no warning. The shared models (<c>Token</c>,
/// <c>TokenRequest</c>, <c>Grant</c>, <c>CorpusJsonContext</c>, …) are in <see cref="CorpusEntry.Shared"/>.
/// </summary>
internal static partial class LegalCorpus
{
    public static readonly IReadOnlyDictionary<string, string> All =
        new[] { Bindings, Returns, Defaults, Namespaces, Models, Documented, Edges }
            .SelectMany(area => area)
            .ToDictionary(entry => entry.Key, entry => entry.Value, StringComparer.Ordinal);

    /// <summary>An interface in <c>Corpus.Apis</c> on the shared context with the given operations.</summary>
    private static string Api(string operations, string accessibility = "public") => $$"""
        namespace Corpus.Apis
        {
            [TokenApi(BaseAddress = "https://auth.example.com/api", SerializerContext = typeof(CorpusJsonContext))]
            {{accessibility}} partial interface ITokens
            {
        {{Indent(operations)}}
            }
        }
        """;

    private static string Indent(string text) =>
        string.Join("\n", text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(line => "        " + line));
}

using System;
using System.Collections.Generic;

namespace TokenGen.Generator.Tests.Corpus;

/// <summary>
/// What every corpus entry is compiled with: a shared file of global usings and models (as a project's
/// <c>ImplicitUsings</c> and model files would be), and the entry itself as the user's file.
/// </summary>
internal static class CorpusEntry
{
    /// <summary>Marks the line a mistaken entry's diagnostic must be reported on.</summary>
    public const string Marker = "/*!*/";

    public const string DeclarationPath = "Declaration.cs";
    public const string SharedPath = "Shared.cs";

    /// <summary>Global usings and the models most entries use, with their serializer context.</summary>
    public const string Shared = """
        global using System;
        global using System.Collections.Generic;
        global using System.Net.Http;
        global using System.Text.Json;
        global using System.Text.Json.Nodes;
        global using System.Text.Json.Serialization;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using TokenGen;
        global using Corpus.Models;

        namespace Corpus.Models
        {
            public enum Grant { ClientCredentials, RefreshToken, [JsonStringEnumMemberName("device_code")] DeviceCode }

            [Flags]
            public enum Scopes { None = 0, Read = 1, Write = 2 }

            public sealed class Token
            {
                [JsonPropertyName("access_token"), AccessToken] public string? AccessToken { get; set; }
                [JsonPropertyName("refresh_token"), RefreshToken] public string? RefreshToken { get; set; }
                [JsonPropertyName("expires_in"), ExpiresIn] public int ExpiresIn { get; set; }
            }

            public sealed class TokenRequest
            {
                [JsonPropertyName("client_id")] public string? ClientId { get; set; }
                [JsonPropertyName("scope")] public string? Scope { get; set; }
            }

            public sealed class TokenError
            {
                [JsonPropertyName("error")] public string? Error { get; set; }
            }

            [JsonSerializable(typeof(Token))]
            [JsonSerializable(typeof(TokenRequest))]
            [JsonSerializable(typeof(TokenError))]
            [JsonSerializable(typeof(List<Token>))]
            [JsonSerializable(typeof(Token[]))]
            [JsonSerializable(typeof(IReadOnlyList<Token>))]
            [JsonSerializable(typeof(int))]
            [JsonSerializable(typeof(int?))]
            [JsonSerializable(typeof(bool))]
            [JsonSerializable(typeof(Dictionary<string, string>))]
            public sealed partial class CorpusJsonContext : JsonSerializerContext;
        }
        """;

    public static IEnumerable<(string Path, string Text)> Files(string declaration) =>
        new[] { (SharedPath, Shared), (DeclarationPath, declaration) };

    /// <summary>The zero-based line of the single <see cref="Marker"/> in <paramref name="source"/>.</summary>
    public static int MarkedLine(string source)
    {
        var lines = source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var found = -1;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains(Marker, StringComparison.Ordinal))
            {
                if (found >= 0)
                {
                    throw new ArgumentException("More than one marked line.", nameof(source));
                }

                found = i;
            }
        }

        return found >= 0 ? found : throw new ArgumentException("No marked line.", nameof(source));
    }
}

using System.Threading.Tasks;

namespace TokenGen.CodeFixes.Tests;

/// <summary>
/// Each code fix, before and after: the source carries the TokenGen diagnostic where the markup says, the fix removes it,
/// and the fixed source is exactly what a careful hand would have written.
/// </summary>
public sealed class CodeFixTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        using System.Threading;
        using System.Threading.Tasks;
        using TokenGen;

        namespace Contoso;

        """;

    // ---- TG0001: make the interface partial -----------------------------------------------------------------------

    [Fact]
    public async Task InterfaceWithoutPartial_IsMadePartial()
    {
        await new TokenGenFixTest<MakeTypePartialCodeFixProvider>(Usings + """
            [TokenApi]
            public interface {|TG0001:IApi|}
            {
                [Get("/ping")]
                Task PingAsync(CancellationToken cancellationToken);
            }
            """, Usings + """
            [TokenApi]
            public partial interface IApi
            {
                [Get("/ping")]
                Task PingAsync(CancellationToken cancellationToken);
            }
            """).RunAsync();
    }

    [Fact]
    public async Task InterfaceWithoutModifiers_GetsPartialWhereItsKeywordWas()
    {
        await new TokenGenFixTest<MakeTypePartialCodeFixProvider>(Usings + """
            [TokenApi]
            interface {|TG0001:IApi|}
            {
                [Get("/ping")]
                Task PingAsync(CancellationToken cancellationToken);
            }
            """, Usings + """
            [TokenApi]
            partial interface IApi
            {
                [Get("/ping")]
                Task PingAsync(CancellationToken cancellationToken);
            }
            """).RunAsync();
    }

    // ---- TG0023: make the secret-carrying record partial ----------------------------------------------------------

    [Fact]
    public async Task RecordPrintingItsSecrets_IsMadePartial_AlsoWhenInsideAList()
    {
        const string api = """

            [JsonSerializable(typeof(List<Grant>))]
            public partial class GrantCtx : JsonSerializerContext
            {
            }

            [TokenApi(SerializerContext = typeof(GrantCtx))]
            public partial interface IApi
            {
                [Get("/grants")]
                Task<List<Grant>> ListAsync(CancellationToken cancellationToken);
            }
            """;

        await new TokenGenFixTest<MakeTypePartialCodeFixProvider>(
            Usings + "public sealed record {|TG0023:Grant|}(string Scope, string RefreshToken);\n" + api,
            Usings + "public sealed partial record Grant(string Scope, string RefreshToken);\n" + api).RunAsync();
    }

    // ---- TG0046: make the serializer context partial --------------------------------------------------------------

    [Fact]
    public async Task SerializerContextWithoutPartial_IsMadePartial_WithTheTypeContainingIt()
    {
        const string api = """

            [TokenApi(SerializerContext = {|TG0046:typeof(Holder.Ctx)|})]
            public partial interface IApi
            {
                [Post("/token")]
                Task<Token> AcquireAsync(CancellationToken cancellationToken);
            }
            """;
        const string fixedApi = """

            [TokenApi(SerializerContext = typeof(Holder.Ctx))]
            public partial interface IApi
            {
                [Post("/token")]
                Task<Token> AcquireAsync(CancellationToken cancellationToken);
            }
            """;

        await new TokenGenFixTest<MakeSerializerContextPartialCodeFixProvider>(Usings + """
            public sealed class Token
            {
                public string? AccessToken { get; set; }
            }

            public static class Holder
            {
                [JsonSerializable(typeof(Token))]
                public class Ctx : JsonSerializerContext
                {
                }
            }
            """ + api, Usings + """
            public sealed class Token
            {
                public string? AccessToken { get; set; }
            }

            public static partial class Holder
            {
                [JsonSerializable(typeof(Token))]
                public partial class Ctx : JsonSerializerContext
                {
                }
            }
            """ + fixedApi).RunAsync();
    }

    // ---- TG0008: register the missing type in the serializer context ----------------------------------------------

    [Fact]
    public async Task ReturnTypeMissingFromTheContext_IsRegisteredAfterTheOthers()
    {
        const string models = """
            public sealed class Token
            {
                public string? AccessToken { get; set; }
            }

            public sealed class Claims
            {
                public string? Subject { get; set; }
            }

            """;

        await new TokenGenFixTest<RegisterJsonTypeCodeFixProvider>(Usings + models + """
            [JsonSerializable(typeof(Token))]
            public partial class Ctx : JsonSerializerContext
            {
            }

            [TokenApi(SerializerContext = typeof(Ctx))]
            public partial interface IApi
            {
                [Get("/claims")]
                {|TG0008:Task<ApiResponse<Claims?>>|} GetClaimsAsync(CancellationToken cancellationToken);
            }
            """, Usings + models + """
            [JsonSerializable(typeof(Token))]
            [JsonSerializable(typeof(Claims))]
            public partial class Ctx : JsonSerializerContext
            {
            }

            [TokenApi(SerializerContext = typeof(Ctx))]
            public partial interface IApi
            {
                [Get("/claims")]
                Task<ApiResponse<Claims?>> GetClaimsAsync(CancellationToken cancellationToken);
            }
            """).RunAsync();
    }

    [Fact]
    public async Task BodyTypeMissingFromAContextWithoutAttributes_IsRegistered()
    {
        const string models = """
            public sealed class Token
            {
                public string? AccessToken { get; set; }
            }

            """;

        await new TokenGenFixTest<RegisterJsonTypeCodeFixProvider>(Usings + models + """
            public partial class Ctx : JsonSerializerContext
            {
            }

            [TokenApi(SerializerContext = typeof(Ctx))]
            public partial interface IApi
            {
                [Post("/tokens")]
                Task SaveAsync([Body] List<Token> {|TG0008:tokens|}, CancellationToken cancellationToken);
            }
            """, Usings + models + """
            [JsonSerializable(typeof(List<Token>))]
            public partial class Ctx : JsonSerializerContext
            {
            }

            [TokenApi(SerializerContext = typeof(Ctx))]
            public partial interface IApi
            {
                [Post("/tokens")]
                Task SaveAsync([Body] List<Token> tokens, CancellationToken cancellationToken);
            }
            """).RunAsync();
    }
}

using System.Collections.Generic;

namespace TokenGen.Generator.Tests.Corpus;

internal static partial class LegalCorpus
{
    /// <summary>Default values of every constant kind, on every binding that takes them.</summary>
    private static Dictionary<string, string> Defaults => new()
    {
        ["default: string"] = Api("""[Post("/token")] Task<Token> AcquireAsync([Form("grant_type")] string grantType = "client_credentials");"""),
        ["default: string with quotes and escapes"] = Api("""[Get("/a")] Task<Token> GetAsync(string text = "say \"hi\"\\n\t\u00e9");"""),
        ["default: verbatim string"] = Api("""[Get("/a")] Task<Token> GetAsync(string path = @"C:\tokens\{x}");"""),
        ["default: null string"] = Api("""[Get("/a")] Task<Token> GetAsync(string? tenant = null);"""),
        ["default: bool true and false"] = Api("""[Get("/a")] Task<Token> GetAsync(bool a = true, bool b = false);"""),
        ["default: char values"] = Api("""[Get("/a")] Task<Token> GetAsync(char a = 'x', char b = '\'', char c = '\0', char d = '\\');"""),
        ["default: int extremes"] = Api("""[Get("/a")] Task<Token> GetAsync(int a = int.MinValue, int b = int.MaxValue, int c = -1, int d = 0);"""),
        ["default: long, ulong, uint extremes"] = Api("""[Get("/a")] Task<Token> GetAsync(long a = long.MinValue, ulong b = ulong.MaxValue, uint c = uint.MaxValue);"""),
        ["default: byte, sbyte, short, ushort"] = Api("""[Get("/a")] Task<Token> GetAsync(byte a = 255, sbyte b = -128, short c = short.MinValue, ushort d = 7);"""),
        ["default: double special values"] = Api("""[Get("/a")] Task<Token> GetAsync(double a = double.NaN, double b = double.PositiveInfinity, double c = double.NegativeInfinity, double d = 0.1, double e = -0.0, double f = double.MaxValue, double g = double.Epsilon);"""),
        ["default: float special values"] = Api("""[Get("/a")] Task<Token> GetAsync(float a = float.NaN, float b = 1.5f, float c = float.MinValue, float d = float.NegativeInfinity);"""),
        ["default: decimal"] = Api("""[Get("/a")] Task<Token> GetAsync(decimal a = 1.25m, decimal b = decimal.MaxValue, decimal c = -0.0001m);"""),
        ["default: enum member"] = Api("""[Get("/a")] Task<Token> GetAsync(Grant grant = Grant.RefreshToken);"""),
        ["default: enum zero and combined flags"] = Api("""[Get("/a")] Task<Token> GetAsync(Scopes a = Scopes.None, Scopes b = Scopes.Read | Scopes.Write);"""),
        ["default: enum value with no member"] = Api("""[Get("/a")] Task<Token> GetAsync(Grant grant = (Grant)42);"""),
        ["default: nullable enum null and member"] = Api("""[Get("/a")] Task<Token> GetAsync(Grant? a = null, Grant? b = Grant.DeviceCode);"""),
        ["default: nullable numbers"] = Api("""[Get("/a")] Task<Token> GetAsync(int? a = null, int? b = 5, double? c = 1.5, decimal? d = 2m, long? e = -3);"""),
        ["default: default keyword for structs"] = Api("""[Get("/a")] Task<Token> GetAsync(Guid id = default, DateTime since = default, DateTimeOffset until = default, TimeSpan window = default, DateOnly day = default);"""),
        ["default: default literal for int and bool"] = Api("""[Get("/a")] Task<Token> GetAsync(int a = default, bool b = default, Grant c = default);"""),
        ["default: constant expression"] = Api("""[Get("/a")] Task<Token> GetAsync(int seconds = 60 * 60, string name = "a" + "b", long big = 1L << 40);"""),
        ["default: constant from a user class"] = """
            namespace Corpus.Apis
            {
                public static class Limits { public const int Page = 50; public const string Scope = "openid profile"; }

                [TokenApi(BaseAddress = "https://auth.example.com", SerializerContext = typeof(CorpusJsonContext))]
                public partial interface ITokens
                {
                    [Get("/a")] Task<Token> GetAsync(int page = Limits.Page, [Query("scope")] string scope = Limits.Scope);
                }
            }
            """,
        ["default: null collection"] = Api("""[Get("/a")] Task<Token> GetAsync([Query("id")] string[]? ids = null);"""),
        ["default: null header and form field"] = Api("""[Post("/a")] Task<Token> PostAsync([Header("X-Tenant")] string? tenant = null, [Form("scope")] string? scope = null);"""),
        ["default: null body"] = Api("""[Post("/a")] Task<Token> PostAsync([Body] TokenRequest? request = null);"""),
        ["default: route value with a default"] = Api("""[Get("/v{version}/token")] Task<Token> GetAsync(int version = 2);"""),
        ["default: char and string with unicode"] = Api("""[Get("/a")] Task<Token> GetAsync(char a = '\u2028', string b = "\uD83D\uDE00 \u0085");"""),
    };
}

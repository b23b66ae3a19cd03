namespace TokenGen.Generator.Emitting;

/// <summary>
/// The types generated code refers to, written <c>global::</c>-qualified so no type or namespace in the user's
/// project can capture them.
/// </summary>
internal static class GlobalTypeNames
{
    public const string ArgumentNullException = "global::System.ArgumentNullException";
    public const string CancellationToken = "global::System.Threading.CancellationToken";
    public const string TimeProvider = "global::System.TimeProvider";
    public const string GeneratedCodeAttribute = "global::System.CodeDom.Compiler.GeneratedCode";
    public const string HttpClient = "global::System.Net.Http.HttpClient";
    public const string HttpMethod = "global::System.Net.Http.HttpMethod";
    public const string HttpRequestMessage = "global::System.Net.Http.HttpRequestMessage";
    public const string HttpResponseMessage = "global::System.Net.Http.HttpResponseMessage";
    public const string InvariantCulture = "global::System.Globalization.CultureInfo.InvariantCulture";
    public const string JsonTypeInfo = "global::System.Text.Json.Serialization.Metadata.JsonTypeInfo";
    public const string MultipartFormDataContent = "global::System.Net.Http.MultipartFormDataContent";
    public const string Uri = "global::System.Uri";
    public const string UriKind = "global::System.UriKind";

    public const string TokenApiClientOptions = "global::TokenGen.TokenApiClientOptions";
    public const string CallDeadline = "global::TokenGen.Infrastructure.CallDeadline";
    public const string ClientSettings = "global::TokenGen.Infrastructure.ClientSettings";
    public const string BuiltInJsonTypeInfo = "global::TokenGen.Infrastructure.BuiltInJsonTypeInfo";
    public const string FixedRequestUri = "global::TokenGen.Infrastructure.FixedRequestUri";
    public const string FormUrlEncodedBuilder = "global::TokenGen.Infrastructure.FormUrlEncodedBuilder";
    public const string MultipartContentWriter = "global::TokenGen.Infrastructure.MultipartContentWriter";
    public const string RequestContent = "global::TokenGen.Infrastructure.RequestContent";
    public const string RequestHeaders = "global::TokenGen.Infrastructure.RequestHeaders";
    public const string RequestUriBuilder = "global::TokenGen.Infrastructure.RequestUriBuilder";
    public const string ResponseReader = "global::TokenGen.Infrastructure.ResponseReader";
    public const string TokenApiRequestMessage = "global::TokenGen.TokenApiRequestMessage";
    public const string TokenApiHttpClient = "global::TokenGen.TokenApiHttpClient";
    public const string TokenResponseReaders = "global::TokenGen.Infrastructure.TokenResponseReaders";
    public const string TokenResponseValues = "global::TokenGen.TokenResponseValues";
    public const string OptionalAttribute = "global::System.Runtime.InteropServices.OptionalAttribute";
    public const string DefaultParameterValueAttribute = "global::System.Runtime.InteropServices.DefaultParameterValueAttribute";
    public const string ObsoleteAttribute = "global::System.ObsoleteAttribute";
    public const string ExperimentalAttribute = "global::System.Diagnostics.CodeAnalysis.ExperimentalAttribute";
}

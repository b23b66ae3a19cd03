using Microsoft.CodeAnalysis;

namespace TokenGen.Generator.Diagnostics;

/// <summary>
/// Every diagnostic TokenGen reports, in one place. Ids are stable: never renumber or reuse one. Each has a
/// section in docs/diagnostics.md (anchor: the id in lower case).
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "TokenGen";

    /// <summary>
    /// The page every diagnostic links to (the package's project URL, see Directory.Build.props); each id's section is
    /// its anchor, the id in lower case.
    /// </summary>
    internal const string HelpLinkBase = "https://github.com/tokengen/tokengen/blob/main/docs/diagnostics.md#";

    public static readonly DiagnosticDescriptor InterfaceNotPartial = Error(
        "TG0001",
        "Token API interface must be partial",
        "Interface '{0}' is marked [TokenApi] but is not partial; declare it 'partial interface' so TokenGen can add its Create method");

    public static readonly DiagnosticDescriptor MissingHttpMethod = Error(
        "TG0002",
        "Method has no HTTP method attribute",
        "Method '{0}' of token API '{1}' has no [Get], [Post], [Put], [Patch] or [Delete] attribute");

    public static readonly DiagnosticDescriptor RoutePlaceholderUnbound = Error(
        "TG0003",
        "Route placeholder has no parameter",
        "Route placeholder '{{{0}}}' of method '{1}' matches no parameter; add a parameter named '{0}' or mark one [Path(\"{0}\")]");

    public static readonly DiagnosticDescriptor ParameterUnbound = Error(
        "TG0004",
        "Parameter is bound nowhere",
        "Parameter '{0}' of method '{1}' is bound nowhere: type '{2}' is not a simple query value; mark it {3}");

    public static readonly DiagnosticDescriptor MultipleBodies = Error(
        "TG0005",
        "Method has more than one body",
        "Method '{0}' has more than one request body ('{1}' and '{2}'); a request carries one [Body] parameter, or [Form] fields, not both");

    public static readonly DiagnosticDescriptor MultipleCancellationTokens = Error(
        "TG0006",
        "Method has more than one cancellation token",
        "Method '{0}' has more than one CancellationToken parameter ('{1}' is the second)");

    public static readonly DiagnosticDescriptor UnsupportedReturnType = Error(
        "TG0007",
        "Unsupported return type",
        "Method '{0}' returns '{1}'; a token API method returns Task, Task<T>, Task<string>, Task<HttpResponseMessage> or Task<ApiResponse<T>>");

    public static readonly DiagnosticDescriptor TypeNotInSerializerContext = Error(
        "TG0008",
        "Type is not registered in the serializer context",
        "Type '{0}' used by method '{1}' is not registered in serializer context '{2}'; add [JsonSerializable(typeof({0}))] to it");

    public static readonly DiagnosticDescriptor InvalidSerializerContext = Error(
        "TG0009",
        "SerializerContext is not a JsonSerializerContext",
        "SerializerContext '{0}' of token API '{1}' does not derive from System.Text.Json.Serialization.JsonSerializerContext");

    public static readonly DiagnosticDescriptor InvalidHeader = Error(
        "TG0010",
        "Invalid header",
        "Header '{0}' on '{1}' is invalid: {2}");

    public static readonly DiagnosticDescriptor InvalidBaseAddress = Error(
        "TG0011",
        "BaseAddress is not an absolute URI",
        "BaseAddress '{0}' of token API '{1}' is not an absolute http or https URI");

    public static readonly DiagnosticDescriptor BodyOnGet = Error(
        "TG0012",
        "GET request with a body",
        "Method '{0}' sends a GET request with a body ('{1}'); use another HTTP method or bind the value to the query");

    public static readonly DiagnosticDescriptor GenericMethod = Error(
        "TG0013",
        "Generic methods are not supported",
        "Method '{0}' of token API '{1}' is generic; declare one method per concrete type");

    public static readonly DiagnosticDescriptor PropertyOrEvent = Error(
        "TG0014",
        "Properties and events are not supported",
        "'{0}' of token API '{1}' is a property or event; a token API interface declares only methods");

    public static readonly DiagnosticDescriptor MissingSerializerContext = Error(
        "TG0015",
        "JSON needs a serializer context",
        "Method '{0}' reads or writes JSON of type '{1}', but token API '{2}' names no SerializerContext; set [TokenApi(SerializerContext = typeof(...))]");

    public static readonly DiagnosticDescriptor InvalidRoute = Error(
        "TG0016",
        "Invalid route template",
        "Route '{0}' of method '{1}' is invalid: {2}");

    public static readonly DiagnosticDescriptor UnsupportedValueType = Error(
        "TG0017",
        "Type cannot be sent as text",
        "'{0}' of method '{1}' has type '{2}', which cannot be sent as a {3} value; use a string, number, bool, enum, date, Guid or a collection of those");

    public static readonly DiagnosticDescriptor UnsupportedInterfaceShape = Error(
        "TG0018",
        "Unsupported interface shape",
        "Token API '{0}' cannot be generated: {1}");

    public static readonly DiagnosticDescriptor UnsupportedParameter = Error(
        "TG0019",
        "Unsupported parameter",
        "Parameter '{0}' of method '{1}' cannot be used: {2}");

    public static readonly DiagnosticDescriptor DuplicateTokenRole = Error(
        "TG0020",
        "Two members carry the same token role",
        "Response type '{0}' has two members marked [{1}]: '{2}' and '{3}'; a token response has one of each role, so keep [{1}] on the one member that carries it, a property or field of {4}, and remove it from the other");

    public static readonly DiagnosticDescriptor InvalidTokenRoleMember = Error(
        "TG0021",
        "Token role on a member that cannot carry it",
        "Member '{0}' is marked [{1}], which needs a public readable instance property or field of {2}, but it is {3}; {4}");

    public static readonly DiagnosticDescriptor SessionResponseWithoutAccessToken = Error(
        "TG0022",
        "Token session built from a response without an access token",
        "TokenSession.{0} is given an operation returning '{1}', which has no member marked [AccessToken]; mark the member that carries the token, a public property or field of {2}{3}");

    public static readonly DiagnosticDescriptor RecordPrintsSecrets = Warning(
        "TG0023",
        "Record prints its secrets",
        "Record '{0}' carries a token or a secret, which its compiler-written ToString() prints; declare it partial so TokenGen writes a ToString() that redacts it");

    // ---- TG0045–TG0059: declarations that used to pass silently or fail inside generated code (issue 14) ----------

    public static readonly DiagnosticDescriptor MultipleHttpMethods = Error(
        "TG0045",
        "Method has more than one HTTP method attribute",
        "Method '{0}' of token API '{1}' carries both [{2}] and [{3}]; a request has one HTTP method, so keep the one attribute that says which");

    public static readonly DiagnosticDescriptor SerializerContextNotPartial = Error(
        "TG0046",
        "Serializer context is not partial",
        "Serializer context '{0}' of token API '{1}' is not partial, so System.Text.Json cannot generate its type information; declare it (and any type containing it) partial");

    public static readonly DiagnosticDescriptor FileLocalType = Error(
        "TG0047",
        "File-local type cannot be used by a generated client",
        "'{0}' is declared 'file', so the client TokenGen generates in a file of its own cannot refer to it; declare it 'internal' instead");

    public static readonly DiagnosticDescriptor FormFieldWithoutForm = Error(
        "TG0049",
        "Constant form field on an operation that sends no form",
        "Method '{0}' has [FormField(\"{1}\", …)] but sends {2}; a constant form field goes into a form body: bind the other values with [Form] parameters or a [Body(BodyEncoding.FormUrlEncoded)] model");

    public static readonly DiagnosticDescriptor InvalidFormField = Error(
        "TG0050",
        "Invalid constant form field",
        "[FormField] on method '{0}' has {1}; give a non-empty name and a value (an empty string is a value)");

    public static readonly DiagnosticDescriptor UnsupportedFormMember = Error(
        "TG0048",
        "Form field cannot carry this type",
        "'{0}' of method '{1}' has type '{2}', which a {3} body cannot carry as a field: {4}");

    // --- Naming (issue 14): TG0060–TG0069 ---

    public static readonly DiagnosticDescriptor MemberNamedLikeFactory = Error(
        "TG0060",
        "Member has the signature of a generated factory",
        "'{0}' of interface '{1}' has the signature of the factory 'Create({2})' that TokenGen generates on the interface; rename it");

    // Failure isolation and generator robustness (issue 14): TG0040–TG0044.

    public static readonly DiagnosticDescriptor GenerationFailed = new(
        "TG0040",
        "TokenGen could not generate a client",
        "TokenGen could not generate the client of '{0}': {1}: {2}. This is a bug in TokenGen, not in your code; please report it at https://github.com/tokengen/tokengen/issues with the declaration of '{0}'. Every other client is still generated.",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: "https://github.com/tokengen/tokengen/blob/main/docs/diagnostics.md#tg0040");

    private static DiagnosticDescriptor Error(string id, string title, string messageFormat) =>
        new(id, title, messageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id.ToLowerInvariant());

    private static DiagnosticDescriptor Warning(string id, string title, string messageFormat) =>
        new(id, title, messageFormat, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id.ToLowerInvariant());

    /// <summary>Looks a descriptor up by id, for turning a <c>DiagnosticInfo</c> back into a diagnostic.</summary>
    public static DiagnosticDescriptor GetById(string id) => id switch
    {
        "TG0001" => InterfaceNotPartial,
        "TG0002" => MissingHttpMethod,
        "TG0003" => RoutePlaceholderUnbound,
        "TG0004" => ParameterUnbound,
        "TG0005" => MultipleBodies,
        "TG0006" => MultipleCancellationTokens,
        "TG0007" => UnsupportedReturnType,
        "TG0008" => TypeNotInSerializerContext,
        "TG0009" => InvalidSerializerContext,
        "TG0010" => InvalidHeader,
        "TG0011" => InvalidBaseAddress,
        "TG0012" => BodyOnGet,
        "TG0013" => GenericMethod,
        "TG0014" => PropertyOrEvent,
        "TG0015" => MissingSerializerContext,
        "TG0016" => InvalidRoute,
        "TG0017" => UnsupportedValueType,
        "TG0018" => UnsupportedInterfaceShape,
        "TG0019" => UnsupportedParameter,
        "TG0020" => DuplicateTokenRole,
        "TG0021" => InvalidTokenRoleMember,
        "TG0022" => SessionResponseWithoutAccessToken,
        "TG0023" => RecordPrintsSecrets,
        "TG0045" => MultipleHttpMethods,
        "TG0046" => SerializerContextNotPartial,
        "TG0047" => FileLocalType,
        "TG0048" => UnsupportedFormMember,
        "TG0049" => FormFieldWithoutForm,
        "TG0050" => InvalidFormField,
        "TG0060" => MemberNamedLikeFactory,
        "TG0040" => GenerationFailed,
        _ => throw new System.ArgumentOutOfRangeException(nameof(id), id, "Unknown TokenGen diagnostic id."),
    };
}

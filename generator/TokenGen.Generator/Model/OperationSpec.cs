namespace TokenGen.Generator.Model;

/// <summary>One interface method: the request it builds and how it reads the answer.</summary>
/// <param name="MethodName">The method's name as written in C#.</param>
/// <param name="HttpMethod">The HTTP method in upper case: GET, POST, PUT, PATCH or DELETE.</param>
/// <param name="Route">The parsed route template.</param>
/// <param name="Parameters">Every parameter, in declaration order, with its binding.</param>
/// <param name="Headers">Static headers: the interface's <c>[Headers]</c>, then the method's, in order.</param>
/// <param name="Body">The request body, or null for none.</param>
/// <param name="Return">What the method returns and how the answer is read.</param>
/// <param name="CancellationTokenParameter">The C# name of the <c>CancellationToken</c> parameter, or null.</param>
/// <param name="ImplementedInterface">The interface that declares the method; it differs from the client's interface for inherited methods.</param>
/// <param name="Retryable">Whether a resilience handler may send the request again: false for <c>[NoRetry]</c> operations.</param>
/// <param name="Obligations">
/// The operation's <c>[Obsolete]</c> and <c>[Experimental]</c> attributes, copied onto its implementation: inside a member that
/// carries them, using what they mark draws no CS0618/CS0619 or experimental error.
/// </param>
internal sealed record OperationSpec(
    string MethodName,
    string HttpMethod,
    RouteSpec Route,
    EquatableArray<ParameterSpec> Parameters,
    EquatableArray<HeaderSpec> Headers,
    BodySpec? Body,
    ReturnSpec Return,
    string? CancellationTokenParameter,
    TypeRef ImplementedInterface,
    bool Retryable,
    EquatableArray<ObligationSpec> Obligations = default);

/// <summary>An <c>[Obsolete]</c> or <c>[Experimental]</c> attribute as declared on an operation.</summary>
/// <param name="IsExperimental">Whether it is <c>[Experimental]</c>; otherwise <c>[Obsolete]</c>.</param>
/// <param name="Text">The obsolete message, or the experimental diagnostic id; null when not given.</param>
/// <param name="IsError">For <c>[Obsolete]</c>: whether a use is an error.</param>
internal sealed record ObligationSpec(bool IsExperimental, string? Text, bool IsError);

/// <summary>A parsed route template.</summary>
/// <param name="Parts">Literal text and placeholders, in order. Literals are kept exactly as written (including a trailing slash and any fixed <c>?query</c>).</param>
internal sealed record RouteSpec(EquatableArray<RoutePartSpec> Parts);

/// <summary>A piece of a route: literal text, or a placeholder bound to a parameter.</summary>
/// <param name="Literal">The literal text, when <paramref name="ParameterName"/> is null.</param>
/// <param name="ParameterName">The C# name of the bound parameter, for a placeholder.</param>
internal sealed record RoutePartSpec(string? Literal, string? ParameterName);

/// <summary>A static header from <c>[Headers("Name: value")]</c>, already validated.</summary>
internal sealed record HeaderSpec(string Name, string Value);

internal enum ParameterBinding
{
    Path,
    Query,
    Header,
    Body,
    Form,
    CancellationToken,
}

/// <summary>One parameter of an operation.</summary>
/// <param name="Name">The parameter's name as written in C# (with <c>@</c> where it is a keyword).</param>
/// <param name="Type">Its type as the client's copy of the signature declares it.</param>
/// <param name="DefaultValue">Its default value as a typed constant, or null when it has none.</param>
/// <param name="Binding">Where its value goes.</param>
/// <param name="WireName">The placeholder, query key, header name or form field name; null for body and cancellation token.</param>
/// <param name="Format">How its value turns into text; null for body and cancellation token.</param>
/// <param name="RequiresValue">
/// For query, header and form values: declared as a non-nullable reference type, so null throws
/// <c>ArgumentNullException</c> instead of being omitted.
/// </param>
internal sealed record ParameterSpec(
    string Name,
    TypeRef Type,
    DefaultValueSpec? DefaultValue,
    ParameterBinding Binding,
    string? WireName,
    ValueFormatSpec? Format,
    bool RequiresValue = false);

internal enum ValueFormatKind
{
    /// <summary>A <c>string</c>: sent as it is.</summary>
    String,

    /// <summary><c>bool</c>: <c>true</c> / <c>false</c>.</summary>
    Boolean,

    /// <summary>A number or other <c>IFormattable</c> with no format: <c>value.ToString(null, InvariantCulture)</c> (also <c>Guid</c>, <c>TimeSpan</c>).</summary>
    Invariant,

    /// <summary><c>DateTime</c> / <c>DateTimeOffset</c>: ISO 8601, <c>value.ToString("O", InvariantCulture)</c>.</summary>
    RoundTripDate,

    /// <summary><c>DateOnly</c>: <c>value.ToString("yyyy-MM-dd", InvariantCulture)</c>.</summary>
    DateOnly,

    /// <summary><c>char</c>: <c>value.ToString()</c>.</summary>
    Char,

    /// <summary>An enum: its JSON name through <see cref="ValueFormatSpec.EnumFormatterKey"/>.</summary>
    Enum,
}

/// <summary>How a route, query, header or form value turns into text, decided at compile time.</summary>
/// <param name="Kind">The formatting for one (element) value.</param>
/// <param name="IsNullable">Whether the value may be null: a null value omits the query pair, header or form field (a null route value throws).</param>
/// <param name="IsNullableValueType">Whether the value is a <c>Nullable&lt;T&gt;</c> (read <c>.Value</c> after the null check).</param>
/// <param name="IsCollection">Whether the value is a collection of such elements (a query key or form field repeated per element).</param>
/// <param name="ElementIsNullable">For a collection: whether elements may be null (null elements are skipped).</param>
/// <param name="ElementIsNullableValueType">For a collection: whether elements are <c>Nullable&lt;T&gt;</c>.</param>
/// <param name="EnumFormatterKey">For <see cref="ValueFormatKind.Enum"/>: the enum's <see cref="EnumFormatterSpec"/>, by its type's erased name.</param>
internal sealed record ValueFormatSpec(
    ValueFormatKind Kind,
    bool IsNullable,
    bool IsNullableValueType,
    bool IsCollection,
    bool ElementIsNullable,
    bool ElementIsNullableValueType,
    string? EnumFormatterKey);

internal enum BodyKind
{
    /// <summary>JSON through <see cref="BodySpec.JsonTypeKey"/> with <see cref="BodySpec.MediaType"/>.</summary>
    Json,

    /// <summary>A form from the body model's members (<see cref="BodySpec.Fields"/>, accessed on the parameter).</summary>
    FormUrlEncodedModel,

    /// <summary>A form from the <c>[Form]</c> parameters (<see cref="BodySpec.Fields"/>, each a parameter name).</summary>
    FormUrlEncodedParameters,

    /// <summary><c>multipart/form-data</c>, one text part per model member (<see cref="BodySpec.Fields"/>).</summary>
    MultipartModel,

    /// <summary>An <c>HttpContent</c> parameter, sent as it is.</summary>
    HttpContent,
}

/// <summary>The request body.</summary>
/// <param name="Kind">How the body is written.</param>
/// <param name="ParameterName">The C# name of the <c>[Body]</c> parameter; null for <see cref="BodyKind.FormUrlEncodedParameters"/>.</param>
/// <param name="IsNullable">Whether the body argument may be null (null sends no body; otherwise <c>ArgumentNullException</c>).</param>
/// <param name="MediaType">For JSON: the media type (<c>application/json</c> unless the attribute names another).</param>
/// <param name="JsonTypeKey">For JSON: the <see cref="JsonTypeSpec"/> whose type info writes it, by its type's erased name.</param>
/// <param name="Fields">For forms and multipart: the fields in declaration order.</param>
/// <param name="Constants">
/// For forms and multipart: the method's <c>[FormField(name, value)]</c> fields, sent first, in declaration order.
/// </param>
/// <param name="AnnotationsDifferFromTypeInfo">
/// For JSON: whether the parameter's type has nested nullable annotations its type info's T lacks (<c>List&lt;string?&gt;</c>),
/// so the emitter names T and suppresses the difference.
/// </param>
internal sealed record BodySpec(
    BodyKind Kind,
    string? ParameterName,
    bool IsNullable,
    string? MediaType,
    string? JsonTypeKey,
    EquatableArray<FormFieldSpec> Fields,
    bool AnnotationsDifferFromTypeInfo = false,
    EquatableArray<FormConstantSpec> Constants = default);

/// <summary>A constant form field from <c>[FormField(name, value)]</c>.</summary>
/// <param name="WireName">The field's name.</param>
/// <param name="Value">The field's value, sent as it is (form-encoded).</param>
internal sealed record FormConstantSpec(string WireName, string Value);

/// <summary>One form or multipart field.</summary>
/// <param name="WireName">The field name: <c>[JsonPropertyName]</c>, <c>[Form(name)]</c>, or the member/parameter name.</param>
/// <param name="Accessor">The C# expression for the value: a member name of the body model (read as <c>body.Accessor</c>), or a parameter name for <see cref="BodyKind.FormUrlEncodedParameters"/>.</param>
/// <param name="Format">How the value turns into text.</param>
internal sealed record FormFieldSpec(string WireName, string Accessor, ValueFormatSpec Format);

internal enum ReturnKind
{
    /// <summary><c>Task</c>: success checked, body ignored.</summary>
    None,

    /// <summary><c>Task&lt;T&gt;</c>: JSON through <see cref="ReturnSpec.JsonTypeKey"/>.</summary>
    Json,

    /// <summary><c>Task&lt;string&gt;</c>: the body as text.</summary>
    String,

    /// <summary><c>Task&lt;HttpResponseMessage&gt;</c>: the answer itself, unchecked and not disposed.</summary>
    HttpResponseMessage,

    /// <summary><c>Task&lt;ApiResponse&lt;T&gt;&gt;</c>: status, headers and body without throwing.</summary>
    ApiResponse,
}

/// <summary>What an operation returns.</summary>
/// <param name="Kind">How the answer is read.</param>
/// <param name="TaskType">The declared return type (<c>Task&lt;global::X.Conversation?&gt;</c>).</param>
/// <param name="ValueType">The task's T as declared (for <see cref="ReturnKind.ApiResponse"/> the content type); null for <see cref="ReturnKind.None"/>.</param>
/// <param name="AllowsNull">For JSON: whether T is nullable, so an empty body gives null instead of an error.</param>
/// <param name="JsonTypeKey">For JSON and ApiResponse: the <see cref="JsonTypeSpec"/> whose type info reads it, by its type's erased name.</param>
/// <param name="AnnotationsDifferFromTypeInfo">
/// For JSON and ApiResponse: whether the declared T has nullable annotations its type info's T lacks (for ApiResponse even
/// a top-level one, since ApiResponse&lt;T&gt; is invariant), so the read value's annotations are suppressed.
/// </param>
internal sealed record ReturnSpec(
    ReturnKind Kind,
    TypeRef TaskType,
    TypeRef? ValueType,
    bool AllowsNull,
    string? JsonTypeKey,
    bool AnnotationsDifferFromTypeInfo = false);

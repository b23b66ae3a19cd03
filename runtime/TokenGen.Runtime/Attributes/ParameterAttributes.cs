using System;

namespace TokenGen;

/// <summary>
/// Binds a parameter to a route placeholder. Needed only when the parameter's name differs from the placeholder's.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class PathAttribute : Attribute
{
    /// <summary>Binds the parameter to the placeholder of its own name.</summary>
    public PathAttribute() { }

    /// <summary>Binds the parameter to the placeholder <c>{name}</c>.</summary>
    /// <param name="name">The placeholder's name, without braces.</param>
    public PathAttribute(string name) => Name = name;

    /// <summary>The placeholder's name, or <see langword="null"/> for the parameter's own name.</summary>
    public string? Name { get; }
}

/// <summary>
/// Sends a parameter as a query-string value: <see langword="null"/> is omitted, a collection repeats the key,
/// <see langword="bool"/> is <c>true</c>/<c>false</c>, numbers and dates use the invariant culture (dates ISO 8601),
/// and an enum is sent by its JSON name. Parameters of simple types that no route placeholder names are query values by default.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class QueryAttribute : Attribute
{
    /// <summary>Uses the parameter's name as the query key.</summary>
    public QueryAttribute() { }

    /// <summary>Uses <paramref name="name"/> as the query key.</summary>
    /// <param name="name">The query key as sent on the wire, for example <c>access_token</c>.</param>
    public QueryAttribute(string name) => Name = name;

    /// <summary>The query key, or <see langword="null"/> for the parameter's name.</summary>
    public string? Name { get; }
}

/// <summary>
/// Sends a parameter as a request header (a <see langword="null"/> value omits the header). A value containing a
/// control character (CR and LF among them), or longer than 16 Ki characters, is refused with an
/// <see cref="ArgumentException"/> before anything is sent.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class HeaderAttribute : Attribute
{
    /// <summary>Sends the parameter as the header <paramref name="name"/>.</summary>
    /// <param name="name">The header name, for example <c>Authorization</c>.</param>
    public HeaderAttribute(string name) => Name = name;

    /// <summary>The header name.</summary>
    public string Name { get; }
}

/// <summary>
/// Static request headers, each written as <c>"Name: value"</c>, sent with every operation of the interface
/// or with the one method they are placed on. Method headers are sent after interface headers.
/// </summary>
[AttributeUsage(AttributeTargets.Interface | AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class HeadersAttribute : Attribute
{
    /// <summary>Declares static headers.</summary>
    /// <param name="headers">Each header as <c>"Name: value"</c>.</param>
    public HeadersAttribute(params string[] headers) => Headers = headers ?? Array.Empty<string>();

    /// <summary>The headers as declared, each <c>"Name: value"</c>.</summary>
    public string[] Headers { get; }
}

/// <summary>How a <see cref="BodyAttribute"/> parameter is written to the request.</summary>
public enum BodyEncoding
{
    /// <summary>JSON, through the interface's <c>JsonSerializerContext</c>.</summary>
    Json = 0,

    /// <summary><c>application/x-www-form-urlencoded</c>, one field per public property of the model.</summary>
    FormUrlEncoded = 1,

    /// <summary><c>multipart/form-data</c>, one part per public property of the model.</summary>
    Multipart = 2,
}

/// <summary>
/// Sends a parameter as the request body: JSON by default, or a form built from the model's members at compile time.
/// A parameter of type <see cref="System.Net.Http.HttpContent"/> is sent as it is. A <see langword="null"/> argument sends no body.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class BodyAttribute : Attribute
{
    /// <summary>A JSON body.</summary>
    public BodyAttribute() { }

    /// <summary>A body in the given encoding.</summary>
    /// <param name="encoding">How the body is written.</param>
    public BodyAttribute(BodyEncoding encoding) => Encoding = encoding;

    /// <summary>How the body is written.</summary>
    public BodyEncoding Encoding { get; }

    /// <summary>
    /// The media type of a JSON body, for example <c>application/vnd.api+json</c>; <c>application/json</c> when not set.
    /// </summary>
    public string? ContentType { get; set; }
}

/// <summary>Sends a parameter as one field of an <c>application/x-www-form-urlencoded</c> body.</summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class FormAttribute : Attribute
{
    /// <summary>Uses the parameter's name as the field name.</summary>
    public FormAttribute() { }

    /// <summary>Uses <paramref name="name"/> as the field name.</summary>
    /// <param name="name">The field name as sent on the wire, for example <c>grant_type</c>.</param>
    public FormAttribute(string name) => Name = name;

    /// <summary>The field name, or <see langword="null"/> for the parameter's name.</summary>
    public string? Name { get; }
}

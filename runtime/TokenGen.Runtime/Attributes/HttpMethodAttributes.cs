using System;

namespace TokenGen;

/// <summary>
/// The base of the HTTP method attributes: the method to send and the route template, relative to the base address.
/// </summary>
/// <remarks>
/// A route template is a path such as <c>/v0/enterprise/{enterpriseId}/renew-token/</c>. Each <c>{name}</c>
/// placeholder binds to the parameter of that name (or to one marked <c>[Path("name")]</c>), and its value is
/// escaped as a single path segment. A trailing slash is kept.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public abstract class HttpMethodAttribute : Attribute
{
    /// <summary>Initializes the attribute with a route template.</summary>
    /// <param name="route">The route template, relative to the base address.</param>
    protected HttpMethodAttribute(string route) => Route = route ?? string.Empty;

    /// <summary>The route template, relative to the base address.</summary>
    public string Route { get; }
}

/// <summary>Sends the operation as an HTTP <c>GET</c> to the route template.</summary>
public sealed class GetAttribute : HttpMethodAttribute
{
    /// <summary>A <c>GET</c> to the base address itself.</summary>
    public GetAttribute() : base(string.Empty) { }

    /// <summary>A <c>GET</c> to <paramref name="route"/>.</summary>
    /// <param name="route">The route template, relative to the base address.</param>
    public GetAttribute(string route) : base(route) { }
}

/// <summary>Sends the operation as an HTTP <c>POST</c> to the route template.</summary>
public sealed class PostAttribute : HttpMethodAttribute
{
    /// <summary>A <c>POST</c> to the base address itself.</summary>
    public PostAttribute() : base(string.Empty) { }

    /// <summary>A <c>POST</c> to <paramref name="route"/>.</summary>
    /// <param name="route">The route template, relative to the base address.</param>
    public PostAttribute(string route) : base(route) { }
}

/// <summary>Sends the operation as an HTTP <c>PUT</c> to the route template.</summary>
public sealed class PutAttribute : HttpMethodAttribute
{
    /// <summary>A <c>PUT</c> to the base address itself.</summary>
    public PutAttribute() : base(string.Empty) { }

    /// <summary>A <c>PUT</c> to <paramref name="route"/>.</summary>
    /// <param name="route">The route template, relative to the base address.</param>
    public PutAttribute(string route) : base(route) { }
}

/// <summary>Sends the operation as an HTTP <c>PATCH</c> to the route template.</summary>
public sealed class PatchAttribute : HttpMethodAttribute
{
    /// <summary>A <c>PATCH</c> to the base address itself.</summary>
    public PatchAttribute() : base(string.Empty) { }

    /// <summary>A <c>PATCH</c> to <paramref name="route"/>.</summary>
    /// <param name="route">The route template, relative to the base address.</param>
    public PatchAttribute(string route) : base(route) { }
}

/// <summary>Sends the operation as an HTTP <c>DELETE</c> to the route template.</summary>
public sealed class DeleteAttribute : HttpMethodAttribute
{
    /// <summary>A <c>DELETE</c> to the base address itself.</summary>
    public DeleteAttribute() : base(string.Empty) { }

    /// <summary>A <c>DELETE</c> to <paramref name="route"/>.</summary>
    /// <param name="route">The route template, relative to the base address.</param>
    public DeleteAttribute(string route) : base(route) { }
}

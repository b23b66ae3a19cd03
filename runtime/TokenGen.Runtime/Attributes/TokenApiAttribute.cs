using System;

namespace TokenGen;

/// <summary>
/// Marks a <c>partial interface</c> as a token API: TokenGen generates a sealed client that implements it
/// (the interface name without its leading <c>I</c>, plus <c>Client</c>) and a static <c>Create</c> factory on the interface.
/// </summary>
/// <example>
/// <code>
/// [TokenApi(BaseAddress = "https://directline.botframework.com", SerializerContext = typeof(DirectLineJsonContext))]
/// public partial interface IDirectLineTokens
/// {
///     [Post("/v3/directline/tokens/refresh")]
///     Task&lt;Conversation&gt; RefreshTokenAsync([Header("Authorization")] string authorization, CancellationToken cancellationToken = default);
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Interface, AllowMultiple = false, Inherited = false)]
public sealed class TokenApiAttribute : Attribute
{
    /// <summary>
    /// The default absolute base address of the API, which may carry a path prefix (<c>https://host/api</c>).
    /// Used when neither <see cref="TokenApiClientOptions.BaseAddress"/> nor <c>HttpClient.BaseAddress</c> is set.
    /// </summary>
    public string? BaseAddress { get; set; }

    /// <summary>
    /// The source-generated <c>System.Text.Json.Serialization.JsonSerializerContext</c> that serializes every
    /// JSON body and response of the interface. Each such type must be registered on it with <c>[JsonSerializable]</c>.
    /// </summary>
    public Type? SerializerContext { get; set; }
}

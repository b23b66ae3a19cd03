using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TokenGen.Clients.DirectLine;

/// <summary>
/// The answer of generate and refresh: a token scoped to one conversation. Note the mixed casing on the wire:
/// <c>expires_in</c> is snake_case while every other member is camelCase.
/// </summary>
public sealed partial class Conversation
{
    /// <summary>ID of the conversation the token is valid for (<c>conversationId</c>).</summary>
    [JsonPropertyName("conversationId")]
    public string? ConversationId { get; set; }

    /// <summary>Token scoped to this conversation (<c>token</c>).</summary>
    [JsonPropertyName("token")]
    [AccessToken]
    public string? Token { get; set; }

    /// <summary>Seconds until the token expires, typically 1800 (<c>expires_in</c>, snake_case on the wire).</summary>
    [JsonPropertyName("expires_in")]
    [ExpiresIn]
    public long? ExpiresIn { get; set; }

    /// <summary>WebSocket stream URL (<c>streamUrl</c>); absent on generate and refresh.</summary>
    [JsonPropertyName("streamUrl")]
    public string? StreamUrl { get; set; }

    /// <summary>ID of the bot's reference grammar (<c>referenceGrammarId</c>).</summary>
    [JsonPropertyName("referenceGrammarId")]
    public string? ReferenceGrammarId { get; set; }

    /// <summary>Entity tag (<c>eTag</c>); not documented by the service.</summary>
    [JsonPropertyName("eTag")]
    public string? ETag { get; set; }
}

/// <summary>What to embed in a generated token (the request body of generate, itself optional).</summary>
public sealed partial class TokenParameters
{
    /// <summary>
    /// The user to embed in the token (<c>user</c>). With enhanced authentication its <see cref="ChannelAccount.Id"/>
    /// should start with <c>dl_</c>; Direct Line then overwrites <c>from.id</c> of the user's activities with it.
    /// </summary>
    [JsonPropertyName("user")]
    public ChannelAccount? User { get; set; }

    /// <summary>Trusted origins (domains hosting Web Chat) to embed in the token (<c>trustedOrigins</c>).</summary>
    [JsonPropertyName("trustedOrigins")]
    public IList<string>? TrustedOrigins { get; set; }

    /// <summary>Entity tag (<c>eTag</c>); not documented by the service.</summary>
    [JsonPropertyName("eTag")]
    public string? ETag { get; set; }
}

/// <summary>A user or bot account on a channel.</summary>
public sealed partial class ChannelAccount
{
    /// <summary>
    /// Channel id for the user or bot (<c>id</c>), for example <c>joe@smith.com</c>, <c>@joesmith</c> or <c>123456</c>;
    /// use <c>dl_…</c> for Direct Line users.
    /// </summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Display-friendly name (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The account's Azure Active Directory object ID (<c>aadObjectId</c>).</summary>
    [JsonPropertyName("aadObjectId")]
    public string? AadObjectId { get; set; }

    /// <summary>Role of the entity behind the account, such as <c>user</c> or <c>bot</c> (<c>role</c>).</summary>
    [JsonPropertyName("role")]
    public string? Role { get; set; }
}

/// <summary>The body of every Direct Line 4xx/5xx answer: <c>{"error": {...}}</c>.</summary>
public sealed partial class ErrorResponse
{
    /// <summary>The error (<c>error</c>).</summary>
    [JsonPropertyName("error")]
    public Error? Error { get; set; }
}

/// <summary>A Direct Line error.</summary>
public sealed partial class Error
{
    /// <summary>The error code (<c>code</c>), for example <c>TokenExpired</c> or <c>BotRejectedActivity</c>.</summary>
    [JsonPropertyName("code")]
    public string? Code { get; set; }

    /// <summary>A description of the error (<c>message</c>).</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }

    /// <summary>The error of the bot, when the bot's answer caused this one (<c>innerHttpError</c>).</summary>
    [JsonPropertyName("innerHttpError")]
    public InnerHttpError? InnerHttpError { get; set; }
}

/// <summary>An HTTP error passed on from the bot.</summary>
public sealed partial class InnerHttpError
{
    /// <summary>The HTTP status code of the bot's answer (<c>statusCode</c>).</summary>
    [JsonPropertyName("statusCode")]
    public int? StatusCode { get; set; }

    /// <summary>The body of the bot's answer, as free-form JSON (<c>body</c>).</summary>
    [JsonPropertyName("body")]
    public JsonElement? Body { get; set; }
}

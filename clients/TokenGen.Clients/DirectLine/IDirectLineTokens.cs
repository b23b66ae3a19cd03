using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Clients.DirectLine;

/// <summary>The tokens API of Microsoft Bot Framework Direct Line 3.0: generate and refresh conversation tokens.</summary>
/// <remarks>
/// <para>
/// Base address: <c>https://directline.botframework.com</c> (global). Bots in a regional deployment use
/// <c>https://europe.directline.botframework.com</c> or <c>https://india.directline.botframework.com</c>; set
/// <see cref="TokenApiClientOptions.BaseAddress"/> or <c>HttpClient.BaseAddress</c> to use one of those.
/// </para>
/// <para>
/// Authentication: every call carries <c>Authorization: Bearer &lt;secret or token&gt;</c>. Generating a token takes the
/// Direct Line <b>secret</b>; refreshing takes the <b>token being refreshed</b>. Build the value with
/// <see cref="BearerToken.Format(string)"/>.
/// </para>
/// <para>
/// A token lives <see cref="Conversation.ExpiresIn"/> seconds (typically 1800) and can be refreshed any number of
/// times until it expires; an expired token cannot be refreshed (403 with <see cref="Error.Code"/> <c>TokenExpired</c>).
/// Every 4xx/5xx answer carries an <see cref="ErrorResponse"/>: read it with
/// <c>ex.TryReadError(DirectLineJsonContext.Default.ErrorResponse, out var error)</c>.
/// </para>
/// </remarks>
[TokenApi(BaseAddress = "https://directline.botframework.com", SerializerContext = typeof(DirectLineJsonContext))]
[Headers("Accept: application/json")]
public partial interface IDirectLineTokens
{
    /// <summary>Generate a token for a new conversation.</summary>
    /// <remarks>
    /// The token is scoped to a new conversation id; generating it does not start the conversation, does not contact
    /// the bot and returns no <see cref="Conversation.StreamUrl"/>. Sent as <c>POST /v3/directline/tokens/generate</c>.
    /// </remarks>
    /// <param name="authorization">
    /// <c>Bearer &lt;Direct Line secret&gt;</c>, for example <c>BearerToken.Format(secret)</c>.
    /// </param>
    /// <param name="tokenParameters">
    /// Optional but recommended: the user (<c>user.id</c> starting with <c>dl_</c>) and trusted origins to embed in
    /// the token. <see langword="null"/> sends no body.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The conversation id, the token and its lifetime in seconds (<c>expires_in</c>).</returns>
    /// <exception cref="TokenApiException">
    /// The service answered 401 (invalid or missing <c>Authorization</c> header), 403 (the secret is invalid),
    /// 404 (not found), 429 (too many requests; see <see cref="TokenApiException.RetryAfter"/>) or 500 (internal error),
    /// each with an <see cref="ErrorResponse"/> body.
    /// </exception>
    [Post("/v3/directline/tokens/generate")]
    Task<Conversation> GenerateTokenAsync(
        [Header("Authorization")] string authorization,
        [Body] TokenParameters? tokenParameters = null,
        CancellationToken cancellationToken = default);

    /// <summary>Refresh a token.</summary>
    /// <remarks>
    /// Returns a new token for the same conversation. A token can be refreshed an unlimited number of times as long as
    /// it has not expired. Sent as <c>POST /v3/directline/tokens/refresh</c> with no body.
    /// </remarks>
    /// <param name="authorization">
    /// <c>Bearer &lt;current token&gt;</c>: the token to refresh, for example <c>BearerToken.Format(conversation.Token)</c>.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The conversation id, the new token and its lifetime in seconds (<c>expires_in</c>).</returns>
    /// <exception cref="TokenApiException">
    /// The service answered 401 (invalid or missing <c>Authorization</c> header), 403 (the token is invalid, or has
    /// expired: <see cref="Error.Code"/> is <c>TokenExpired</c>), 404 (not found), 429 (too many requests; see
    /// <see cref="TokenApiException.RetryAfter"/>) or 500 (internal error), each with an <see cref="ErrorResponse"/> body.
    /// </exception>
    [Post("/v3/directline/tokens/refresh")]
    Task<Conversation> RefreshTokenAsync(
        [Header("Authorization")] string authorization,
        CancellationToken cancellationToken = default);
}

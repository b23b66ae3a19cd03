using System.Text.Json;
using System.Text.Json.Serialization;

namespace TokenGen.Clients.OAuth2;

/// <summary>
/// The source-generated JSON metadata of the OAuth 2.0 models. The error model is registered so callers can read it
/// from a <see cref="TokenApiException"/>: <c>ex.TryReadError(OAuth2JsonContext.Default.OAuth2Error, out var error)</c>,
/// or <see cref="OAuth2Errors.TryReadOAuth2Error"/>.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OAuth2TokenResponse))]
[JsonSerializable(typeof(OAuth2Error))]
[JsonSerializable(typeof(DeviceAuthorizationResponse))]
[JsonSerializable(typeof(TokenIntrospectionResponse))]
[JsonSerializable(typeof(AuthorizationServerMetadata))]
[JsonSerializable(typeof(JsonElement))]
public sealed partial class OAuth2JsonContext : JsonSerializerContext;

using System.Text.Json;
using System.Text.Json.Serialization;

namespace TokenGen.Clients.Prowler;

/// <summary>
/// The source-generated JSON metadata of the Prowler JSON:API models. Absent members of a request are omitted. The
/// error document is registered so callers can read it from a <see cref="TokenApiException"/>:
/// <c>ex.TryReadError(ProwlerJsonContext.Default.JsonApiErrorDocument, out var errors)</c>.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TokenRequest))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(TokenRefreshRequest))]
[JsonSerializable(typeof(TokenRefreshResponse))]
[JsonSerializable(typeof(TokenSwitchTenantRequest))]
[JsonSerializable(typeof(TokenSwitchTenantResponse))]
[JsonSerializable(typeof(JsonApiErrorDocument))]
[JsonSerializable(typeof(JsonElement))]
public sealed partial class ProwlerJsonContext : JsonSerializerContext;

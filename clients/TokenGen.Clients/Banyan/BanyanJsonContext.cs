using System.Text.Json;
using System.Text.Json.Serialization;

namespace TokenGen.Clients.Banyan;

/// <summary>
/// The source-generated JSON metadata of the Banyan models. The error models are registered so callers can read
/// them from a <see cref="TokenApiException"/>:
/// <c>ex.TryReadError(BanyanJsonContext.Default.RefreshTokenV2Error, out var error)</c>.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RefreshTokenV1Response))]
[JsonSerializable(typeof(RefreshTokenV1Error))]
[JsonSerializable(typeof(RefreshTokenV2Response))]
[JsonSerializable(typeof(RefreshTokenV2Error))]
[JsonSerializable(typeof(JsonElement))]
public sealed partial class BanyanJsonContext : JsonSerializerContext;

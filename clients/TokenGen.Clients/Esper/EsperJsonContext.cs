using System.Text.Json;
using System.Text.Json.Serialization;

namespace TokenGen.Clients.Esper;

/// <summary>
/// The source-generated JSON metadata of the Esper models. Esper's error bodies are not part of the documented
/// contract, so no error model is declared; <see cref="JsonElement"/> is registered so callers can still read one
/// from a <see cref="TokenApiException"/>: <c>ex.TryReadError(EsperJsonContext.Default.JsonElement, out var error)</c>.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TokenInfoV1))]
[JsonSerializable(typeof(TokenRenewV0))]
[JsonSerializable(typeof(JsonElement))]
public sealed partial class EsperJsonContext : JsonSerializerContext;

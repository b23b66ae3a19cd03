using System.Text.Json;
using System.Text.Json.Serialization;

namespace TokenGen.Clients.RunAi;

/// <summary>
/// The source-generated JSON metadata of the Run:ai models. Absent members of a request are omitted. The error model
/// is registered so callers can read it from a <see cref="TokenApiException"/>:
/// <c>ex.TryReadError(RunAiJsonContext.Default.Error, out var error)</c>.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TokenRequest))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(AppTokenRequest))]
[JsonSerializable(typeof(AppTokenResponse))]
[JsonSerializable(typeof(Error))]
[JsonSerializable(typeof(JsonElement))]
public sealed partial class RunAiJsonContext : JsonSerializerContext;

using System.Text.Json;
using System.Text.Json.Serialization;

namespace TokenGen.Clients.DirectLine;

/// <summary>
/// The source-generated JSON metadata of the Direct Line models. Absent members are omitted when writing.
/// The error models are registered so callers can read them from a <see cref="TokenApiException"/>:
/// <c>ex.TryReadError(DirectLineJsonContext.Default.ErrorResponse, out var error)</c>.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Conversation))]
[JsonSerializable(typeof(TokenParameters))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(JsonElement))]
public sealed partial class DirectLineJsonContext : JsonSerializerContext;

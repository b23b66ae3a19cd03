using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace TokenGen.Infrastructure;

/// <summary>
/// Source-generated type infos for free-form JSON returns, used when the interface's serializer context does not
/// register them itself. For generated clients.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class BuiltInJsonTypeInfo
{
    /// <summary>Type info for <see cref="System.Text.Json.JsonElement"/>.</summary>
    public static JsonTypeInfo<JsonElement> JsonElement => BuiltInJsonContext.Default.JsonElement;

    /// <summary>Type info for <c>JsonElement?</c>: a <c>null</c> answer, or an empty body, reads as <see langword="null"/>.</summary>
    public static JsonTypeInfo<JsonElement?> NullableJsonElement => BuiltInJsonContext.Default.NullableJsonElement;

    /// <summary>Type info for <see cref="System.Text.Json.Nodes.JsonObject"/>.</summary>
    public static JsonTypeInfo<JsonObject> JsonObject => BuiltInJsonContext.Default.JsonObject;

    /// <summary>Type info for <c>Dictionary&lt;string, JsonElement&gt;</c>.</summary>
    public static JsonTypeInfo<Dictionary<string, JsonElement>> DictionaryOfStringJsonElement => BuiltInJsonContext.Default.DictionaryStringJsonElement;
}

/// <summary>The source-generated context behind <see cref="BuiltInJsonTypeInfo"/>.</summary>
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(JsonElement?))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
internal sealed partial class BuiltInJsonContext : JsonSerializerContext
{
}

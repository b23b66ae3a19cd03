namespace TokenGen.Generator.Model;

/// <summary>
/// Everything the emitter needs to write one client: the interface it implements and each operation, with every
/// decision (binding, escaping, formatting, type infos) already made. Value-equatable, so an unchanged interface
/// keeps its cached output. Type names are fully qualified with <c>global::</c> and carry nullable annotations.
/// </summary>
/// <param name="Namespace">The interface's namespace, or null for the global namespace.</param>
/// <param name="InterfaceName">The interface's name as written in C# (with <c>@</c> where it is a keyword).</param>
/// <param name="InterfaceType">The interface, <c>global::Ns.IThing</c>.</param>
/// <param name="ClientName">The client class's name: the interface name without its leading <c>I</c>, plus <c>Client</c>.</param>
/// <param name="IsPublic">Whether the interface is public (the client is then public; otherwise internal).</param>
/// <param name="BaseAddress">The <c>[TokenApi(BaseAddress)]</c> value, already checked to be absolute; null when not set.</param>
/// <param name="SerializerContext">The <c>JsonSerializerContext</c> type, or null when not set.</param>
/// <param name="JsonTypes">Every type info the client needs, each once; operations refer to them by their type's erased name.</param>
/// <param name="EnumFormatters">Every enum sent in a route, query, header or form, each once.</param>
/// <param name="Operations">The operations, in declaration order (base interfaces' after the interface's own).</param>
/// <param name="TokenReaders">A reader per response type that carries an <c>[AccessToken]</c>, registered for token sessions.</param>
/// <param name="RedactedModels">The partial models of its JSON types that carry secrets: each gets a redacting <c>ToString()</c>.</param>
/// <param name="HintName">The generated file's hint name, unique in the compilation (for example <c>Ns.IThing.g.cs</c>).</param>
/// <param name="HidesInheritedFactories">
/// Whether a base interface is a <c>[TokenApi]</c> interface too, whose generated <c>Create</c> factories this interface's
/// hide (so they are declared <c>new</c>, not left to warning CS0108).
/// </param>
internal sealed record ClientSpec(
    string? Namespace,
    string InterfaceName,
    TypeRef InterfaceType,
    string ClientName,
    bool IsPublic,
    string? BaseAddress,
    TypeRef? SerializerContext,
    EquatableArray<JsonTypeSpec> JsonTypes,
    EquatableArray<EnumFormatterSpec> EnumFormatters,
    EquatableArray<OperationSpec> Operations,
    EquatableArray<TokenReaderSpec> TokenReaders,
    EquatableArray<RedactedModelSpec> RedactedModels,
    string HintName,
    bool HidesInheritedFactories = false);

/// <summary>A <c>JsonTypeInfo&lt;T&gt;</c> the client caches in a static field.</summary>
/// <param name="Type">The type; generated code names it by its <see cref="TypeRef.ErasedName"/>, as <c>typeof</c> requires, which is also its key.</param>
/// <param name="Source">Where the type info comes from.</param>
internal sealed record JsonTypeSpec(TypeRef Type, JsonTypeSource Source);

internal enum JsonTypeSource
{
    /// <summary><c>(JsonTypeInfo&lt;T&gt;)Context.Default.GetTypeInfo(typeof(T))!</c> on the interface's serializer context.</summary>
    SerializerContext,

    /// <summary><c>global::TokenGen.Infrastructure.BuiltInJsonTypeInfo.JsonElement</c>.</summary>
    BuiltInJsonElement,

    /// <summary><c>global::TokenGen.Infrastructure.BuiltInJsonTypeInfo.NullableJsonElement</c>.</summary>
    BuiltInNullableJsonElement,

    /// <summary><c>global::TokenGen.Infrastructure.BuiltInJsonTypeInfo.JsonObject</c>.</summary>
    BuiltInJsonObject,

    /// <summary><c>global::TokenGen.Infrastructure.BuiltInJsonTypeInfo.DictionaryOfStringJsonElement</c>.</summary>
    BuiltInDictionaryOfStringJsonElement,
}

/// <summary>An enum whose values are sent as text: the emitter writes one private static switch per enum.</summary>
/// <param name="EnumType">The enum type.</param>
/// <param name="UnderlyingType">The enum's underlying type (<c>int</c>, …), used for undeclared values.</param>
/// <param name="Members">Each declared member with the text it is sent as.</param>
/// <param name="Obligations">The enum's <c>[Obsolete]</c> and <c>[Experimental]</c> attributes, which the formatter carries so naming the enum there is allowed.</param>
internal sealed record EnumFormatterSpec(
    TypeRef EnumType,
    TypeRef UnderlyingType,
    EquatableArray<EnumMemberSpec> Members,
    EquatableArray<ObligationSpec> Obligations = default);

/// <param name="MemberName">The member as written in C# (with <c>@</c> where needed).</param>
/// <param name="WireName">Its JSON name: <c>[JsonStringEnumMemberName]</c>, else <c>[EnumMember(Value)]</c>, else the member name.</param>
internal sealed record EnumMemberSpec(string MemberName, string WireName);

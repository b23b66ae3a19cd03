using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using TokenGen.Generator.Model;

namespace TokenGen.Generator.Emitting;

/// <summary>
/// The one place that names what a client class declares: its instance and static fields, request-building methods,
/// URI fields, type-info fields, enum formatters and token readers. Every name is claimed against the user's operation
/// names, <see cref="object"/>'s members, the class's own name and the names claimed before it, so no user declaration
/// (an operation called <c>_httpClient</c>, <c>ToString</c> or <c>CreateGetTokenRequest</c>, overloads, inherited
/// methods) can collide with a generated member. The parser chooses no member name: a type-info field, formatter or
/// reader is keyed by its type's erased name, and named here from the type's <see cref="TypeRef.NameStem"/>.
/// Locals and the members a parameter hides are the business of <see cref="OperationScope"/>. The client class's own
/// name and the generated files' hint names are chosen while parsing, because they must give way to the user's types
/// in the namespace, which only the compilation knows.
/// </summary>
internal sealed class GeneratedNames
{
    /// <summary>Members every class inherits from <see cref="object"/>: a generated member must not hide them.</summary>
    private static readonly string[] s_objectMembers =
        { "ToString", "Equals", "GetHashCode", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals" };

    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _typeInfoFields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _enumFormatters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _tokenReaders = new(StringComparer.Ordinal);
    private readonly List<string> _claimedInOrder = new();

    private GeneratedNames(ClientSpec spec)
    {
        _taken.Add(spec.ClientName); // a member named like its class is error CS0542
        foreach (var name in s_objectMembers)
        {
            _taken.Add(name);
        }

        foreach (var operation in spec.Operations)
        {
            _taken.Add(CSharpText.WithoutVerbatimPrefix(operation.MethodName));
        }

        SettingsField = Claim("_settings");
        DefaultBaseAddressField = Claim("s_defaultBaseAddress");

        foreach (var jsonType in spec.JsonTypes)
        {
            _typeInfoFields[jsonType.Type.ErasedName] = Claim("s_" + LowerFirst(jsonType.Type.NameStem) + "TypeInfo");
        }

        foreach (var formatter in spec.EnumFormatters)
        {
            _enumFormatters[formatter.EnumType.ErasedName] = Claim("Format" + formatter.EnumType.NameStem);
        }

        RegisterTokenReadersMethod = spec.TokenReaders.IsEmpty ? string.Empty : Claim("RegisterTokenReaders");
        foreach (var reader in spec.TokenReaders)
        {
            _tokenReaders[reader.ResponseType.ErasedName] = Claim("Read" + reader.ResponseType.NameStem + "Token");
        }

        Operations = PlanOperations(spec);
    }

    /// <summary>The client's <c>ClientSettings</c>: its <c>HttpClient</c>, base address, limits and clock, settled once.</summary>
    public string SettingsField { get; }

    public string DefaultBaseAddressField { get; }

    /// <summary>The module initializer that registers the token readers; empty when the client has none.</summary>
    public string RegisterTokenReadersMethod { get; }

    /// <summary>Each operation's plan, in the spec's order.</summary>
    public OperationPlan[] Operations { get; }

    /// <summary>The URI fields in order of first use, each with the route it keeps: one per distinct route.</summary>
    public List<(string Field, string Route)> FixedUris { get; } = new();

    /// <summary>Every member name the class declares, which generated locals must not hide.</summary>
    public IReadOnlyCollection<string> MemberNames => _claimedInOrder;

    /// <summary>Names every member of <paramref name="spec"/>'s client class.</summary>
    public static GeneratedNames For(ClientSpec spec) => new(spec);

    /// <summary>The field of the type info the parser registered as <paramref name="key"/>.</summary>
    public string TypeInfoField(string key) => Lookup(_typeInfoFields, key, "type info");

    /// <summary>The formatter of the enum the parser registered as <paramref name="key"/>.</summary>
    public string EnumFormatter(string key) => Lookup(_enumFormatters, key, "enum formatter");

    /// <summary>The reader of the token response the parser registered as <paramref name="key"/>.</summary>
    public string TokenReader(string key) => Lookup(_tokenReaders, key, "token reader");

    private static string Lookup(Dictionary<string, string> names, string key, string what) =>
        names.TryGetValue(key, out var name) ? name : throw new InvalidOperationException("No " + what + " was registered as " + key + ".");

    /// <summary><paramref name="preferred"/>, or it with the first free number 2, 3, … after it.</summary>
    private string Claim(string preferred)
    {
        var name = preferred;
        for (var suffix = 2; !_taken.Add(name); suffix++)
        {
            name = preferred + suffix.ToString(CultureInfo.InvariantCulture);
        }

        _claimedInOrder.Add(name);
        return name;
    }

    private OperationPlan[] PlanOperations(ClientSpec spec)
    {
        // Signatures are compared by erased type names: 'string' and 'string?' are one signature, 'int' and 'int?' two.
        var signatures = new HashSet<string>(StringComparer.Ordinal);
        var uriFieldsByRoute = new Dictionary<string, string>(StringComparer.Ordinal);
        var plans = new OperationPlan[spec.Operations.Count];
        for (var i = 0; i < spec.Operations.Count; i++)
        {
            var operation = spec.Operations[i];
            var name = CSharpText.WithoutVerbatimPrefix(operation.MethodName);
            var hidesObjectMember = HidesObjectMember(name, operation.Parameters);
            var isExplicit = !signatures.Add(SignatureKey(name, operation.Parameters))
                || (hidesObjectMember && name == "Finalize"); // a public Finalize() would interfere with the destructor (CS0465)

            var stem = RequestStem(name);
            var requestMethod = Claim("Create" + stem + "Request");

            string? uriField = null;
            if (FixedRouteOf(operation) is { } route && !uriFieldsByRoute.TryGetValue(route, out uriField))
            {
                // Operations with equal URIs share one field rather than repeating it.
                uriField = Claim("s_" + LowerFirst(stem) + "Uri");
                uriFieldsByRoute.Add(route, uriField);
                FixedUris.Add((uriField, route));
            }

            plans[i] = new OperationPlan(requestMethod, isExplicit, hidesObjectMember && !isExplicit, uriField);
        }

        return plans;
    }

    /// <summary>Whether a public method <paramref name="name"/>(<paramref name="parameters"/>) has the signature of an <see cref="object"/> member.</summary>
    private static bool HidesObjectMember(string name, EquatableArray<ParameterSpec> parameters) => name switch
    {
        "ToString" or "GetHashCode" or "GetType" or "MemberwiseClone" or "Finalize" => parameters.IsEmpty,
        "Equals" => parameters.Count == 1 && parameters[0].Type.ErasedName is "object",
        _ => false,
    };

    /// <summary>The route of an operation whose URI depends on the base address alone, or <see langword="null"/>.</summary>
    private static string? FixedRouteOf(OperationSpec operation)
    {
        foreach (var parameter in operation.Parameters)
        {
            if (parameter.Binding == ParameterBinding.Query)
            {
                return null;
            }
        }

        var route = new StringBuilder();
        foreach (var part in operation.Route.Parts)
        {
            if (part.ParameterName is not null)
            {
                return null;
            }

            route.Append(part.Literal);
        }

        return route.ToString();
    }

    private static string LowerFirst(string name) =>
        name.Length > 0 && char.IsUpper(name[0]) ? char.ToLowerInvariant(name[0]) + name.Substring(1) : name;

    /// <summary><c>GetTokenAsync</c> → <c>GetToken</c>; <c>event</c> → <c>Event</c>; <c>_raw</c> → <c>_raw</c>.</summary>
    private static string RequestStem(string methodName)
    {
        var stem = methodName;
        if (stem.EndsWith("Async", StringComparison.Ordinal) && stem.Length > "Async".Length)
        {
            stem = stem.Substring(0, stem.Length - "Async".Length);
        }

        if (stem.Length > 0 && char.IsLower(stem[0]))
        {
            stem = char.ToUpperInvariant(stem[0]) + stem.Substring(1);
        }

        return stem;
    }

    private static string SignatureKey(string methodName, EquatableArray<ParameterSpec> parameters)
    {
        var key = new StringBuilder(methodName).Append('(');
        foreach (var parameter in parameters)
        {
            key.Append(parameter.Type.ErasedName).Append(',');
        }

        return key.Append(')').ToString();
    }
}

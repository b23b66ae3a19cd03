using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using TokenGen.Generator.Model;

namespace TokenGen.Generator.Parsing;

/// <summary>The types the parser compares against, looked up once per parse from the compilation.</summary>
internal sealed class KnownTypeSymbols
{
    // One set per compilation, shared by every interface parsed in it: each GetTypeByMetadataName searches every
    // referenced assembly, and 36 lookups for each of hundreds of interfaces were most of a full run's parsing time.
    private static readonly ConditionalWeakTable<Compilation, KnownTypeSymbols> s_byCompilation = new();

    /// <summary>The known types of <paramref name="compilation"/>, looked up once for it.</summary>
    public static KnownTypeSymbols For(Compilation compilation) =>
        s_byCompilation.GetValue(compilation, static compilation => new KnownTypeSymbols(compilation));

    private KnownTypeSymbols(Compilation compilation)
    {
        Compilation = compilation;
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        TaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        CancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
        HttpResponseMessage = compilation.GetTypeByMetadataName("System.Net.Http.HttpResponseMessage");
        HttpContent = compilation.GetTypeByMetadataName("System.Net.Http.HttpContent");
        JsonSerializerContext = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonSerializerContext");
        JsonSerializableAttribute = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonSerializableAttribute");
        JsonPropertyNameAttribute = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonPropertyNameAttribute");
        JsonIgnoreAttribute = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonIgnoreAttribute");
        JsonStringEnumMemberNameAttribute = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute");
        EnumMemberAttribute = compilation.GetTypeByMetadataName("System.Runtime.Serialization.EnumMemberAttribute");
        JsonElement = compilation.GetTypeByMetadataName("System.Text.Json.JsonElement");
        JsonObject = compilation.GetTypeByMetadataName("System.Text.Json.Nodes.JsonObject");
        Dictionary = compilation.GetTypeByMetadataName("System.Collections.Generic.Dictionary`2");
        IEnumerableOfT = compilation.GetTypeByMetadataName("System.Collections.Generic.IEnumerable`1");
        Guid = compilation.GetTypeByMetadataName("System.Guid");
        TimeSpan = compilation.GetTypeByMetadataName("System.TimeSpan");
        DateTimeOffset = compilation.GetTypeByMetadataName("System.DateTimeOffset");
        DateOnly = compilation.GetTypeByMetadataName("System.DateOnly");

        ApiResponseOfT = compilation.GetTypeByMetadataName("TokenGen.ApiResponse`1");
        HttpMethodAttribute = compilation.GetTypeByMetadataName("TokenGen.HttpMethodAttribute");
        HeadersAttribute = compilation.GetTypeByMetadataName("TokenGen.HeadersAttribute");
        var bindingAttributes = new System.Collections.Generic.List<(INamedTypeSymbol, BindingAttribute)>(BindingAttributes.All.Length);
        foreach (var binding in BindingAttributes.All)
        {
            if (compilation.GetTypeByMetadataName(binding.MetadataName) is { } symbol)
            {
                bindingAttributes.Add((symbol, binding));
            }
        }

        BindingAttributeSymbols = bindingAttributes;
        NoRetryAttribute = compilation.GetTypeByMetadataName("TokenGen.NoRetryAttribute");
        FormFieldAttribute = compilation.GetTypeByMetadataName("TokenGen.FormFieldAttribute");
        AccessTokenAttribute = compilation.GetTypeByMetadataName("TokenGen.AccessTokenAttribute");
        RefreshTokenAttribute = compilation.GetTypeByMetadataName("TokenGen.RefreshTokenAttribute");
        ExpiresInAttribute = compilation.GetTypeByMetadataName("TokenGen.ExpiresInAttribute");
        ExpiresAtAttribute = compilation.GetTypeByMetadataName("TokenGen.ExpiresAtAttribute");
    }

    public Compilation Compilation { get; }

    public INamedTypeSymbol? Task { get; }
    public INamedTypeSymbol? TaskOfT { get; }
    public INamedTypeSymbol? CancellationToken { get; }
    public INamedTypeSymbol? HttpResponseMessage { get; }
    public INamedTypeSymbol? HttpContent { get; }
    public INamedTypeSymbol? JsonSerializerContext { get; }
    public INamedTypeSymbol? JsonSerializableAttribute { get; }
    public INamedTypeSymbol? JsonPropertyNameAttribute { get; }
    public INamedTypeSymbol? JsonIgnoreAttribute { get; }
    public INamedTypeSymbol? JsonStringEnumMemberNameAttribute { get; }
    public INamedTypeSymbol? EnumMemberAttribute { get; }
    public INamedTypeSymbol? JsonElement { get; }
    public INamedTypeSymbol? JsonObject { get; }
    public INamedTypeSymbol? Dictionary { get; }
    public INamedTypeSymbol? IEnumerableOfT { get; }
    public INamedTypeSymbol? Guid { get; }
    public INamedTypeSymbol? TimeSpan { get; }
    public INamedTypeSymbol? DateTimeOffset { get; }
    public INamedTypeSymbol? DateOnly { get; }

    public INamedTypeSymbol? ApiResponseOfT { get; }
    public INamedTypeSymbol? HttpMethodAttribute { get; }
    public INamedTypeSymbol? HeadersAttribute { get; }
    /// <summary>Each attribute of <see cref="BindingAttributes.All"/> the compilation has, with its symbol.</summary>
    public System.Collections.Generic.IReadOnlyList<(INamedTypeSymbol Symbol, BindingAttribute Attribute)> BindingAttributeSymbols { get; }
    public INamedTypeSymbol? NoRetryAttribute { get; }
    public INamedTypeSymbol? FormFieldAttribute { get; }
    public INamedTypeSymbol? AccessTokenAttribute { get; }
    public INamedTypeSymbol? RefreshTokenAttribute { get; }
    public INamedTypeSymbol? ExpiresInAttribute { get; }
    public INamedTypeSymbol? ExpiresAtAttribute { get; }

    // Type facts per type, for the whole compilation: hundreds of interfaces name the same few types (Task<T> of the same
    // models, string, CancellationToken), and reading a TypeRef displays the type twice and walks its attributes for
    // obligations. The comparer counts nullable annotations and tuple names, which the facts carry.
    private readonly ConcurrentDictionary<ITypeSymbol, TypeRef> _typeRefs = new(SymbolEqualityComparer.IncludeNullability);
    private readonly ConcurrentDictionary<ITypeSymbol, TypeRef> _parameterTypeRefs = new(SymbolEqualityComparer.IncludeNullability);

    /// <summary><see cref="TypeRefs.From"/>, read once per type in this compilation.</summary>
    public TypeRef TypeRefOf(ITypeSymbol type) => _typeRefs.GetOrAdd(type, static type => TypeRefs.From(type));

    /// <summary><see cref="TypeRefs.ForParameter"/>, read once per type in this compilation.</summary>
    public TypeRef ParameterTypeRefOf(ITypeSymbol type) => _parameterTypeRefs.GetOrAdd(type, static type => TypeRefs.ForParameter(type));

    public static bool IsSame(ITypeSymbol? left, ITypeSymbol? right) =>
        left is not null && right is not null && SymbolEqualityComparer.Default.Equals(left, right);

    public static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (IsSame(current, baseType))
            {
                return true;
            }
        }

        return false;
    }
}

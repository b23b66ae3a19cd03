using System;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;
using RestEase;

namespace TokenGen.Benchmarks.Calls.RestEasePeer;

/// <summary>
/// Builds the RestEase clients the benchmarks compare against, in two set-ups: RestEase as it ships, with Json.NET
/// reading and writing by reflection (the reflection-era client TokenGen's goals are set against); and RestEase given
/// System.Text.Json over the same source-generated contexts the TokenGen clients use, so that only the client machinery
/// differs — the best RestEase can do.
/// </summary>
internal static class RestEaseClients
{
    /// <summary>RestEase with its own Json.NET serializers, told the models' wire names.</summary>
    public static T CreateWithJsonNet<T>(HttpClient httpClient) =>
        new RestClient(httpClient)
        {
            // The models name their members for System.Text.Json; Json.NET is told those names, and to leave nulls out
            // as the contexts do, so every client sends the same bytes.
            JsonSerializerSettings = new JsonSerializerSettings
            {
                ContractResolver = new SystemTextJsonNames(),
                NullValueHandling = NullValueHandling.Ignore,
            },
        }.For<T>();

    /// <summary>RestEase reading and writing through <paramref name="context"/>.</summary>
    public static T CreateWithSourceGeneratedJson<T>(HttpClient httpClient, JsonSerializerContext context)
    {
        var serializer = new SystemTextJsonSerializer(context.Options);
        return new RestClient(httpClient) { ResponseDeserializer = serializer, RequestBodySerializer = serializer.Body }.For<T>();
    }

    /// <summary>Json.NET contracts that take names and ignores from System.Text.Json's attributes.</summary>
    private sealed class SystemTextJsonNames : DefaultContractResolver
    {
        protected override Newtonsoft.Json.Serialization.JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
        {
            Newtonsoft.Json.Serialization.JsonProperty property = base.CreateProperty(member, memberSerialization);
            if (member.GetCustomAttribute<JsonPropertyNameAttribute>() is { } name)
            {
                property.PropertyName = name.Name;
            }

            if (member.IsDefined(typeof(System.Text.Json.Serialization.JsonIgnoreAttribute)))
            {
                property.Ignored = true;
            }

            return property;
        }
    }

    /// <summary>RestEase's serializer hooks over System.Text.Json, in the shape of RestEase's own Json.NET ones.</summary>
    private sealed class SystemTextJsonSerializer(JsonSerializerOptions options) : ResponseDeserializer
    {
        public RequestBodySerializer Body { get; } = new BodySerializer(options);

        // RestEase reads the whole body as a string and hands it over: that is its design, so it is measured as such.
        public override T Deserialize<T>(string? content, HttpResponseMessage response, ResponseDeserializerInfo info) =>
            System.Text.Json.JsonSerializer.Deserialize<T>(content ?? throw new InvalidOperationException("The answer had no body."), options)!;

        private sealed class BodySerializer(JsonSerializerOptions options) : RequestBodySerializer
        {
            public override HttpContent? SerializeBody<T>(T body, RequestBodySerializerInfo info) =>
                body is null ? null : new StringContent(System.Text.Json.JsonSerializer.Serialize(body, options), Encoding.UTF8, "application/json");
        }
    }
}

using System.Net.Http;
using System.Text.Json.Serialization;
using Refit;

namespace TokenGen.Benchmarks.Calls.RefitPeer;

/// <summary>
/// Builds the Refit clients: the generated stub (<see cref="RestService.ForGenerated{T}(HttpClient, RefitSettings)"/>,
/// which refuses to fall back to reflection) reading and writing through the API's own source-generated context, so
/// only the client machinery differs from TokenGen's.
/// </summary>
internal static class RefitClients
{
    public static T Create<T>(HttpClient httpClient, JsonSerializerContext context) =>
        RestService.ForGenerated<T>(httpClient, new RefitSettings { ContentSerializer = SystemTextJsonContentSerializer.ForContext(context) });
}

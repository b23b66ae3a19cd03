using System;
using System.Net;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;

namespace TokenGen.Clients.Tests;

/// <summary>
/// Runs a call that must fail, and returns the <see cref="TokenApiException"/> it threw with the error body parsed
/// into the API's error model the way a caller would: <c>ex.TryReadError(XxxJsonContext.Default.Model, out var error)</c>.
/// </summary>
internal static class ApiError
{
    public static async Task<(TokenApiException Exception, TError Error)> CatchAsync<TError>(
        HttpStatusCode expectedStatus, JsonTypeInfo<TError> errorModel, Func<Task> call)
    {
        var exception = await Assert.ThrowsAsync<TokenApiException>(call);
        Assert.Equal(expectedStatus, exception.StatusCode);
        Assert.True(exception.TryReadError(errorModel, out var error),
            $"The {(int)expectedStatus} body should parse as {typeof(TError).Name}: {exception.ErrorBody}");
        return (exception, error!);
    }
}

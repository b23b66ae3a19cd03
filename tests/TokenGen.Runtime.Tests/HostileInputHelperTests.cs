using System;
using System.Net.Http;
using TokenGen.Infrastructure;

namespace TokenGen.Runtime.Tests;

/// <summary>
/// The request helpers against values a caller should never be able to send: control characters in headers, and
/// header values, route values and query values too long for any server. Each is refused before a request exists on
/// the wire, with an <see cref="ArgumentException"/> that names where the value was going and never the value.
/// </summary>
public sealed class HostileInputHelperTests
{
    private const string Secret = "s3cr3t-t0ken";

    [Theory]
    [InlineData('\0')]
    [InlineData('\u0001')]
    [InlineData('\u0008')]
    [InlineData('\u000B')]
    [InlineData('\u000C')]
    [InlineData('\u001B')]
    [InlineData('\u001F')]
    [InlineData('\u007F')]
    [InlineData('\u0085')]
    [InlineData('\u009F')]
    public void AHeaderValueWithAControlCharacterIsRefusedNamingTheHeaderAndTheCharacter(char control)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://h/");

        var exception = Assert.Throws<ArgumentException>(() => RequestHeaders.Add(request, "X-Api-Key", Secret + control + "tail"));

        Assert.Contains("'X-Api-Key'", exception.Message, StringComparison.Ordinal);
        Assert.Contains($"U+{(int)control:X4}", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, exception.ToString(), StringComparison.Ordinal);
        Assert.False(request.Headers.Contains("X-Api-Key"));
    }

    [Fact]
    public void AHeaderValueWithATabOrNonAsciiTextIsSent()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://h/");

        RequestHeaders.Add(request, "X-Note", "a\tb");
        RequestHeaders.Add(request, "X-Name", "Jürgen");

        Assert.Equal(["a\tb"], request.Headers.GetValues("X-Note"));
        Assert.Equal(["Jürgen"], request.Headers.GetValues("X-Name"));
    }

    [Fact]
    public void AValueThatPassesTheChecksCostsNoAllocationOfItsOwn()
    {
        // Every header of every call is checked: the checks may build their messages only when they refuse a value.
        // So adding through the helper allocates what adding straight to the headers does, and not a byte more.
        static long Allocated(Action<HttpRequestMessage> add)
        {
            var requests = new HttpRequestMessage[64];
            for (int i = 0; i < requests.Length; i++)
            {
                requests[i] = new HttpRequestMessage(HttpMethod.Get, "https://h/");
            }

            add(new HttpRequestMessage(HttpMethod.Get, "https://h/"));
            long before = GC.GetAllocatedBytesForCurrentThread();
            foreach (var request in requests)
            {
                add(request);
            }

            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        const string value = "Bearer eyJhbGciOiJSUzI1NiJ9.payload.signature";
        long direct = Allocated(request => request.Headers.TryAddWithoutValidation("Authorization", value));
        long checkedAdd = Allocated(request => RequestHeaders.Add(request, "Authorization", value, "authorization"));

        Assert.Equal(direct, checkedAdd);
    }

    [Fact]
    public void CrOrLfIsReportedAsInjectionEvenAfterAnotherControlCharacter()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://h/");

        var exception = Assert.Throws<ArgumentException>(() => RequestHeaders.Add(request, "Authorization", "Bearer x\0\r\nX-Injected: 1"));

        Assert.Contains("carriage return or line feed", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AHeaderValueFromAParameterNamesTheParameter()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://h/");

        var exception = Assert.Throws<ArgumentException>(() => RequestHeaders.Add(request, "Authorization", "Bearer x\r\n", "authorization"));

        Assert.Equal("authorization", exception.ParamName);
        Assert.Contains("'Authorization' (parameter 'authorization')", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AStaticHeaderValueNamesTheValueParameterOfTheHelper()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://h/");

        var exception = Assert.Throws<ArgumentException>(() => RequestHeaders.Add(request, "X-Static", "a\nb"));

        Assert.Equal("value", exception.ParamName);
    }

    [Fact]
    public void AHeaderValueOfExactlyTheLimitIsSentAndOneMoreIsRefused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://h/");
        RequestHeaders.Add(request, "X-Long", new string('a', RequestHeaders.MaxValueLength));
        Assert.Equal(RequestHeaders.MaxValueLength, Assert.Single(request.Headers.GetValues("X-Long")).Length);

        var exception = Assert.Throws<ArgumentException>(
            () => RequestHeaders.Add(request, "X-Longer", Secret + new string('a', RequestHeaders.MaxValueLength), "longer"));

        Assert.Equal("longer", exception.ParamName);
        Assert.Contains("16384", exception.Message, StringComparison.Ordinal);
        Assert.Contains("RequestHeaders.MaxValueLength", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, exception.Message, StringComparison.Ordinal);
        Assert.False(request.Headers.Contains("X-Longer"));
    }

    [Fact]
    public void AMegabyteHeaderValueIsRefusedEvenForAContentHeaderWithoutContent()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://h/");

        Assert.Throws<ArgumentException>(() => RequestHeaders.Add(request, "Content-Language", new string('a', 1024 * 1024)));
    }

    [Fact]
    public void AMegabyteRouteValueIsRefusedNamingTheParameterBeforeItIsEscaped()
    {
        var builder = new RequestUriBuilder(new Uri("https://h/api"), stackalloc char[64]);
        builder.AppendLiteral("/v1/tenants/");
        ArgumentException exception;
        try
        {
            builder.AppendPathSegment(Secret + new string('a', 1024 * 1024), "tenant");
            throw new Xunit.Sdk.XunitException("The route value was accepted.");
        }
        catch (ArgumentException caught)
        {
            exception = caught;
        }
        finally
        {
            builder.Dispose();
        }

        Assert.Equal("tenant", exception.ParamName);
        Assert.Contains("The route value 'tenant'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("RequestUriBuilder.MaxUriLength", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARouteValueThatOnlyEscapingTakesOverTheLimitIsRefusedToo()
    {
        // 11,000 'é' are 11,000 characters but 66,000 once escaped (%C3%A9 each).
        ArgumentException exception = AppendOrThrow((ref RequestUriBuilder b) => b.AppendPathSegment(new string('é', 11_000), "id"));

        Assert.Equal("id", exception.ParamName);
    }

    [Fact]
    public void AUriOfExactlyTheLimitIsBuilt()
    {
        const string baseAddress = "https://h/api";
        int room = RequestUriBuilder.MaxUriLength - (baseAddress + "/").Length;
        var builder = new RequestUriBuilder(new Uri(baseAddress), stackalloc char[64]);
        try
        {
            builder.AppendPathSegment(new string('a', room), "id");
            Uri uri = builder.ToUri();
            Assert.Equal(RequestUriBuilder.MaxUriLength, uri.OriginalString.Length);
        }
        finally
        {
            builder.Dispose();
        }

        ArgumentException exception = AppendOrThrow((ref RequestUriBuilder b) => b.AppendPathSegment(new string('a', room + 1), "id"));
        Assert.Equal("id", exception.ParamName);
    }

    [Fact]
    public void AMegabyteQueryValueIsRefusedNamingTheKey()
    {
        ArgumentException exception = AppendOrThrow((ref RequestUriBuilder b) => b.AppendQuery("scope", Secret + new string('a', 1024 * 1024)));

        Assert.Equal("scope", exception.ParamName);
        Assert.Contains("The query value 'scope'", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AQueryValueFromAParameterNamesTheParameter()
    {
        ArgumentException exception = AppendOrThrow((ref RequestUriBuilder b) => b.AppendQuery("scope", new string('a', 1024 * 1024), "scopes"));

        Assert.Equal("scopes", exception.ParamName);
        Assert.Contains("'scope' (parameter 'scopes')", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ManyQueryValuesThatTogetherPassTheLimitAreRefusedAtTheOneThatCrossesIt()
    {
        // What a collection parameter with thousands of elements does: each pair is small, the URI is not.
        ArgumentException exception = AppendOrThrow((ref RequestUriBuilder b) =>
        {
            for (int i = 0; i < 10_000; i++)
            {
                b.AppendQuery("id", "0123456789", "ids");
            }
        });

        Assert.Equal("ids", exception.ParamName);
    }

    [Fact]
    public void AQueryValueWithInjectionCharactersIsEscapedNotRefused()
    {
        var builder = new RequestUriBuilder(new Uri("https://h/api"), stackalloc char[64]);
        try
        {
            builder.AppendLiteral("/v1/token");
            builder.AppendQuery("scope", "a&admin=true#frag\r\nX-Injected: 1 ü");
            Assert.Equal(
                "https://h/api/v1/token?scope=a%26admin%3Dtrue%23frag%0D%0AX-Injected%3A%201%20%C3%BC",
                builder.ToUri().AbsoluteUri);
        }
        finally
        {
            builder.Dispose();
        }
    }

    private delegate void Step(ref RequestUriBuilder builder);

    private static ArgumentException AppendOrThrow(Step step)
    {
        var builder = new RequestUriBuilder(new Uri("https://h/api"), stackalloc char[64]);
        try
        {
            step(ref builder);
            builder.ToUri();
        }
        catch (ArgumentException exception)
        {
            return exception;
        }
        finally
        {
            builder.Dispose();
        }

        throw new Xunit.Sdk.XunitException("The value was accepted.");
    }
}

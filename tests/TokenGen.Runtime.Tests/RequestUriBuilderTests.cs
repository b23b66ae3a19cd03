using System;
using System.Net.Http;
using TokenGen.Infrastructure;

namespace TokenGen.Runtime.Tests;

public sealed class RequestUriBuilderTests
{
    private delegate void Steps(ref RequestUriBuilder builder);

    private static Uri Build(string baseAddress, Steps steps, int stackChars = 256)
    {
        var builder = new RequestUriBuilder(new Uri(baseAddress), stackalloc char[stackChars]);
        try
        {
            steps(ref builder);
            return builder.ToUri();
        }
        finally
        {
            builder.Dispose();
        }
    }

    private static string Literal(string baseAddress, params string[] literals)
        => Build(baseAddress, (ref RequestUriBuilder b) =>
        {
            foreach (string literal in literals)
            {
                b.AppendLiteral(literal);
            }
        }).AbsoluteUri;

    private static string Segment(string value)
        => Build("https://h/api", (ref RequestUriBuilder b) =>
        {
            b.AppendLiteral("/users/");
            b.AppendPathSegment(value, "id");
        }).AbsoluteUri.Substring("https://h/api/users/".Length);

    [Theory]
    [InlineData("https://host/api", "/v1/x", "https://host/api/v1/x")]
    [InlineData("https://host/api/", "/v1/x", "https://host/api/v1/x")]
    [InlineData("https://host/api//", "/v1/x", "https://host/api/v1/x")]
    [InlineData("https://host/api", "v1/x", "https://host/api/v1/x")]
    [InlineData("https://host/api/", "v1/x", "https://host/api/v1/x")]
    [InlineData("https://host", "/v1/x", "https://host/v1/x")]
    [InlineData("https://host/", "/v1/x", "https://host/v1/x")]
    [InlineData("https://host/", "v1/x", "https://host/v1/x")]
    [InlineData("http://127.0.0.1:5080/emu/banyan", "/v0/enterprise/", "http://127.0.0.1:5080/emu/banyan/v0/enterprise/")]
    [InlineData("https://host/api?key=secret#frag", "/v1/x", "https://host/api/v1/x")]
    [InlineData("https://host/api/?key=secret", "/v1/x", "https://host/api/v1/x")]
    public void FirstLiteralIsJoinedWithExactlyOneSlash(string baseAddress, string literal, string expected)
        => Assert.Equal(expected, Literal(baseAddress, literal));

    [Theory]
    [InlineData("https://host/api", "https://host/api")]
    [InlineData("https://host/api/", "https://host/api/")]
    [InlineData("https://host", "https://host/")]
    [InlineData("https://host/api?x=1#f", "https://host/api")]
    public void EmptyRouteKeepsTheBaseAddressPathAsItIs(string baseAddress, string expected)
    {
        Assert.Equal(expected, Literal(baseAddress));
        Assert.Equal(expected, Literal(baseAddress, string.Empty));
    }

    [Fact]
    public void LiteralsAreAppendedVerbatimAndTrailingSlashIsKept()
    {
        Uri uri = Build("https://host/api/", (ref RequestUriBuilder b) =>
        {
            b.AppendLiteral("/v1/token-info/");
        });

        Assert.Equal("https://host/api/v1/token-info/", uri.AbsoluteUri);
        Assert.Equal("/api/v1/token-info/", uri.AbsolutePath);
    }

    [Fact]
    public void LiteralsAndSegmentsInterleave()
    {
        Uri uri = Build("https://host/api", (ref RequestUriBuilder b) =>
        {
            b.AppendLiteral("/v0/enterprise/");
            b.AppendPathSegment("acme corp", "enterpriseId");
            b.AppendLiteral("/renew-token/");
        });

        Assert.Equal("https://host/api/v0/enterprise/acme%20corp/renew-token/", uri.AbsoluteUri);
    }

    [Fact]
    public void RouteStartingWithASegmentIsJoinedWithOneSlash()
    {
        Assert.Equal("https://host/api/42", Build("https://host/api/", (ref RequestUriBuilder b) => b.AppendPathSegment("42", "id")).AbsoluteUri);
        Assert.Equal("https://host/api/42", Build("https://host/api", (ref RequestUriBuilder b) => b.AppendPathSegment("42", "id")).AbsoluteUri);
        Assert.Equal("https://host/%3Fx", Build("https://host/", (ref RequestUriBuilder b) => b.AppendPathSegment("?x", "id")).AbsoluteUri);
    }

    [Fact]
    public void LiteralStartingWithQuestionMarkContinuesTheBasePath()
    {
        Assert.Equal("https://host/api?api-version=2&k=v", Build("https://host/api", (ref RequestUriBuilder b) =>
        {
            b.AppendLiteral("?api-version=2");
            b.AppendQuery("k", "v");
        }).AbsoluteUri);
        Assert.Equal("https://host/api/?api-version=2", Literal("https://host/api/", "?api-version=2"));
    }

    [Theory]
    [InlineData("...", "...")]
    [InlineData("a.b", "a.b")]
    [InlineData(".hidden", ".hidden")]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("%2F", "%252F")]
    [InlineData("100%", "100%25")]
    [InlineData("a?b#c", "a%3Fb%23c")]
    [InlineData("a b+c", "a%20b%2Bc")]
    [InlineData("A-Z_a~z.0-9", "A-Z_a~z.0-9")]
    [InlineData("x:y@z;w=v,u&t!s$r'q(p)o*", "x%3Ay%40z%3Bw%3Dv%2Cu%26t%21s%24r%27q%28p%29o%2A")]
    [InlineData("ä", "%C3%A4")]
    [InlineData("€", "%E2%82%AC")]
    [InlineData("😀", "%F0%9F%98%80")]
    [InlineData("\u0000\u0001\n\r\t\u007F", "%00%01%0A%0D%09%7F")]
    [InlineData("[::1]\\\"<>^`{|}", "%5B%3A%3A1%5D%5C%22%3C%3E%5E%60%7B%7C%7D")]
    public void PathSegmentIsEscapedAsOneSegment(string value, string expected)
        => Assert.Equal(expected, Segment(value));

    [Fact]
    public void LoneSurrogateIsEncodedAsReplacementCharacter()
    {
        // Not an [InlineData] case: the test runner's serialization would mangle a lone surrogate.
        Assert.Equal("%EF%BF%BDx%EF%BF%BD", Segment("\uD800x\uDC00"));
    }

    [Fact]
    public void OrdinaryUriComparesEqualToTheSameUriWrittenByHand()
    {
        Uri uri = Build("https://h/api", (ref RequestUriBuilder b) =>
        {
            b.AppendLiteral("/users/");
            b.AppendPathSegment("a b", "id");
            b.AppendQuery("q", "1");
        });

        Assert.Equal(new Uri("https://h/api/users/a%20b?q=1"), uri);
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("a/../b")]
    [InlineData("../../admin")]
    [InlineData("..\\..\\admin")]
    [InlineData("./x")]
    [InlineData("x/.")]
    public void DotSegmentsAreRefused_BecauseServersDecodeThemAndClimb(string value)
    {
        // Kestrel decodes %2E%2E and then removes the dot segment, nginx decodes %2F first, IIS takes '\' as '/':
        // no escaping keeps a dot segment from climbing once it arrives, so it is never sent.
        var exception = Assert.Throws<ArgumentException>(() => Segment(value));

        Assert.Equal("id", exception.ParamName);
    }

    [Fact]
    public void EscapedSlashesSurviveUriParsing()
    {
        Uri uri = Build("https://h/api", (ref RequestUriBuilder b) =>
        {
            b.AppendLiteral("/users/");
            b.AppendPathSegment("a/b\\c", "id");
            b.AppendLiteral("/x");
        });

        Assert.Equal("/api/users/a%2Fb%5Cc/x", uri.AbsolutePath);
        Assert.Equal(4, uri.Segments.Length - 1);
    }

    [Fact]
    public void AStockUriWouldHaveCollapsedTheSegment()
    {
        // Why RequestUriBuilder creates its URI with DangerousDisablePathAndQueryCanonicalization: the plain
        // constructor unescapes %2E and removes the dot segment. If this ever stops being true, the option can go.
        Assert.Equal("/api/x", new Uri("https://h/api/users/%2E%2E/x").AbsolutePath);
    }

    [Fact]
    public void NullSegmentThrowsArgumentNullNamingTheParameter()
    {
        var exception = Assert.Throws<ArgumentNullException>(() => Build("https://h/", (ref RequestUriBuilder b) => b.AppendPathSegment(null, "conversationId")));
        Assert.Equal("conversationId", exception.ParamName);
    }

    [Fact]
    public void EmptySegmentThrowsArgumentNamingTheParameter()
    {
        var exception = Assert.Throws<ArgumentException>(() => Build("https://h/", (ref RequestUriBuilder b) => b.AppendPathSegment(string.Empty, "conversationId")));
        Assert.Equal("conversationId", exception.ParamName);
        Assert.IsNotType<ArgumentNullException>(exception);
    }

    [Fact]
    public void QueryPairsAreEncodedAndJoined()
    {
        Uri uri = Build("https://h/api", (ref RequestUriBuilder b) =>
        {
            b.AppendLiteral("/search");
            b.AppendQuery("q", "a b&c=d");
            b.AppendQuery("skip", null);
            b.AppendQuery("name with space", "ü€");
            b.AppendQuery("plus", "1+1/2?#%");
            b.AppendQuery("empty", string.Empty);
        });

        Assert.Equal("https://h/api/search?q=a%20b%26c%3Dd&name%20with%20space=%C3%BC%E2%82%AC&plus=1%2B1%2F2%3F%23%25&empty=", uri.AbsoluteUri);
        Assert.Equal("?q=a%20b%26c%3Dd&name%20with%20space=%C3%BC%E2%82%AC&plus=1%2B1%2F2%3F%23%25&empty=", uri.Query);
        Assert.Equal(string.Empty, uri.Fragment);
    }

    [Fact]
    public void FirstPresentQueryPairUsesQuestionMark()
    {
        Uri uri = Build("https://h/api", (ref RequestUriBuilder b) =>
        {
            b.AppendLiteral("/x");
            b.AppendQuery("a", null);
            b.AppendQuery("b", "2");
        });

        Assert.Equal("https://h/api/x?b=2", uri.AbsoluteUri);
    }

    [Fact]
    public void AllNullQueryValuesLeaveNoQuestionMark()
    {
        Uri uri = Build("https://h/api", (ref RequestUriBuilder b) =>
        {
            b.AppendLiteral("/x/");
            b.AppendQuery("a", null);
        });

        Assert.Equal("https://h/api/x/", uri.AbsoluteUri);
    }

    [Fact]
    public void FixedQueryInLiteralIsContinuedWithAmpersand()
    {
        Uri uri = Build("https://h/api/", (ref RequestUriBuilder b) =>
        {
            b.AppendLiteral("/v1/tokens?api-version=2024-01-01");
            b.AppendQuery("user", "a b");
        });

        Assert.Equal("https://h/api/v1/tokens?api-version=2024-01-01&user=a%20b", uri.AbsoluteUri);
    }

    [Fact]
    public void QueryWithoutRouteGoesOnTheBasePath()
    {
        Assert.Equal("https://h/api?k=v", Build("https://h/api", (ref RequestUriBuilder b) => b.AppendQuery("k", "v")).AbsoluteUri);
        Assert.Equal("https://h/api/?k=v", Build("https://h/api/", (ref RequestUriBuilder b) => b.AppendQuery("k", "v")).AbsoluteUri);
    }

    [Fact]
    public void CharactersAUriCannotCarryAreEncodedInLiterals()
    {
        Assert.Equal("https://h/a%20b/%C3%A4/x%23y", Literal("https://h/", "/a b/ä/x#y"));
        Assert.Equal("https://h/v1/x;y=1,z:@!$'()*+", Literal("https://h/", "/v1/x;y=1,z:@!$'()*+"));
        Assert.Equal("https://h/already%2Fescaped", Literal("https://h/", "/already%2Fescaped"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(256)]
    public void GrowsPastTheInitialBuffer(int stackChars)
    {
        string longValue = new string('a', 300) + "/" + new string('é', 200) + "😀";
        string expectedSegment = new string('a', 300) + "%2F" + string.Concat(System.Linq.Enumerable.Repeat("%C3%A9", 200)) + "%F0%9F%98%80";
        Uri uri = Build("https://host.example/a/long/prefix/", (ref RequestUriBuilder b) =>
        {
            b.AppendLiteral("/v1/items/");
            b.AppendPathSegment(longValue, "id");
            b.AppendLiteral("/children");
            b.AppendQuery("filter", longValue);
        }, stackChars);

        Assert.Equal(
            "https://host.example/a/long/prefix/v1/items/" + expectedSegment + "/children?filter=" + expectedSegment,
            uri.AbsoluteUri);
    }

    [Fact]
    public void UnicodeHostAndPortAreKept()
    {
        Assert.Equal("https://bücher.example:8443/api/v1", Literal("https://bücher.example:8443/api", "/v1"));
        Assert.Equal("http://[::1]:8080/v1", Literal("http://[::1]:8080/", "/v1"));
    }

    [Fact]
    public void DisposeWithoutToUriAndTwiceIsSafe()
    {
        var builder = new RequestUriBuilder(new Uri("https://h/"), stackalloc char[4]);
        builder.AppendLiteral("/this/is/longer/than/four");
        builder.Dispose();
        builder.Dispose();

        var other = new RequestUriBuilder(new Uri("https://h/"), stackalloc char[4]);
        other.AppendLiteral("/abcdefgh");
        Uri uri = other.ToUri();
        other.Dispose();
        Assert.Equal("https://h/abcdefgh", uri.AbsoluteUri);
    }

    [Fact]
    public void RelativeBaseAddressIsRefused()
    {
        Assert.Throws<ArgumentException>(() =>
        {
            var builder = new RequestUriBuilder(new Uri("/api", UriKind.Relative), default);
            builder.Dispose();
        });
    }

    [Fact]
    public void BuildingAllocatesNothingBeforeTheFinalString()
    {
        var baseAddress = new Uri("https://host/api/");
        Measure(baseAddress); // warm up: AbsoluteUri is cached, static search values are created
        long allocated = Measure(baseAddress);
        Assert.Equal(0, allocated);

        static long Measure(Uri baseAddress)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            var builder = new RequestUriBuilder(baseAddress, stackalloc char[256]);
            builder.AppendLiteral("/v0/enterprise/");
            builder.AppendPathSegment("acme corp/ü", "id");
            builder.AppendLiteral("/renew-token/");
            builder.AppendQuery("scope", "a b");
            builder.AppendQuery("skip", null);
            long after = GC.GetAllocatedBytesForCurrentThread();
            builder.Dispose();
            return after - before;
        }
    }
}

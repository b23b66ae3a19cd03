using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Runtime.Tests.Redirects;

/// <summary>
/// <see cref="SameOriginRedirectHandler"/> follows redirects within the request's origin, re-checking every hop, and
/// hands any other redirect to the caller untouched.
/// </summary>
public sealed class SameOriginRedirectHandlerTests
{
    [Theory]
    [InlineData("https://login.example.com/moved")]
    [InlineData("/moved")]
    [InlineData("moved")]
    [InlineData("https://LOGIN.example.com:443/moved")]
    public async Task A_redirect_within_the_origin_is_followed_with_the_same_headers(string location)
    {
        var server = new ScriptedServer(request => request.RequestUri!.AbsolutePath.EndsWith("/moved", StringComparison.Ordinal)
            ? ScriptedServer.Ok("moved")
            : ScriptedServer.Redirect(HttpStatusCode.TemporaryRedirect, location));
        using var client = new HttpClient(new SameOriginRedirectHandler(server));
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://login.example.com/oauth/token")
        {
            Content = new StringContent("client_secret=s3cr3t"),
        };
        request.Headers.Add("X-Api-Key", "key-1");

        using HttpResponseMessage response = await client.SendAsync(request);

        Assert.Equal("moved", await response.Content.ReadAsStringAsync());
        Assert.Equal(2, server.Sent.Count);
        Sent followed = server.Sent[1];
        Assert.Equal(new Uri(new Uri("https://login.example.com/oauth/token"), location), followed.Uri);
        Assert.Equal(followed.Uri, request.RequestUri);
        Assert.Equal("POST", followed.Method);
        Assert.Equal("client_secret=s3cr3t", followed.Body);
        Assert.Equal("key-1", followed.Headers["X-Api-Key"]);
    }

    [Theory]
    [InlineData("https://evil.example.com/steal")]                // another host
    [InlineData("https://login.example.com:8443/steal")]          // another port
    [InlineData("http://login.example.com/steal")]                // another scheme, and plain HTTP
    [InlineData("https://login.example.com.evil.example/steal")]  // a host that merely starts the same
    [InlineData("//evil.example.com/steal")]                      // scheme-relative
    public async Task A_redirect_to_another_origin_reaches_the_caller_and_nothing_is_sent_there(string location)
    {
        foreach (HttpStatusCode status in new[] { HttpStatusCode.MovedPermanently, HttpStatusCode.Found, HttpStatusCode.SeeOther, HttpStatusCode.TemporaryRedirect, HttpStatusCode.PermanentRedirect })
        {
            var server = new ScriptedServer(_ => ScriptedServer.Redirect(status, location));
            using var client = new HttpClient(new SameOriginRedirectHandler(server));
            using var request = new HttpRequestMessage(HttpMethod.Post, "https://login.example.com/oauth/token") { Content = new StringContent("password=hunter2") };

            using HttpResponseMessage response = await client.SendAsync(request);

            Assert.Equal(status, response.StatusCode);
            Sent only = Assert.Single(server.Sent);
            Assert.Equal("login.example.com", only.Uri.Host);
            Assert.Equal(new Uri("https://login.example.com/oauth/token"), request.RequestUri);
        }
    }

    [Fact]
    public async Task Each_hop_is_checked_again_so_a_chain_that_leaves_the_origin_stops_where_it_leaves()
    {
        var server = new ScriptedServer(request => request.RequestUri!.AbsolutePath switch
        {
            "/a" => ScriptedServer.Redirect(HttpStatusCode.Found, "/b"),
            "/b" => ScriptedServer.Redirect(HttpStatusCode.TemporaryRedirect, "https://evil.example.com/c"),
            _ => ScriptedServer.Ok("reached " + request.RequestUri),
        });
        using var client = new HttpClient(new SameOriginRedirectHandler(server));

        using HttpResponseMessage response = await client.GetAsync(new Uri("https://login.example.com/a"));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal(["/a", "/b"], server.Sent.ConvertAll(s => s.Uri.AbsolutePath));
    }

    [Theory]
    [InlineData(301, "POST", "GET", false)]
    [InlineData(302, "POST", "GET", false)]
    [InlineData(303, "POST", "GET", false)]
    [InlineData(307, "POST", "POST", true)]
    [InlineData(308, "POST", "POST", true)]
    [InlineData(301, "PUT", "PUT", true)]
    [InlineData(303, "PUT", "GET", false)]
    [InlineData(303, "HEAD", "HEAD", false)]
    [InlineData(302, "GET", "GET", false)]
    public async Task The_method_and_body_of_a_followed_hop_are_those_browsers_use(int status, string method, string followedMethod, bool keepsBody)
    {
        var server = new ScriptedServer(request => request.RequestUri!.AbsolutePath == "/token"
            ? ScriptedServer.Redirect((HttpStatusCode)status, "/token2")
            : ScriptedServer.Ok("done"));
        using var client = new HttpClient(new SameOriginRedirectHandler(server));
        using var request = new HttpRequestMessage(new HttpMethod(method), "https://login.example.com/token");
        if (method is not ("GET" or "HEAD"))
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes("grant_type=client_credentials"));
        }

        using HttpResponseMessage response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Sent followed = server.Sent[1];
        Assert.Equal(followedMethod, followed.Method);
        Assert.Equal(keepsBody ? "grant_type=client_credentials" : null, followed.Body);
    }

    [Fact]
    public async Task A_body_that_cannot_be_sent_again_is_not_redirected()
    {
        var server = new ScriptedServer(_ => ScriptedServer.Redirect(HttpStatusCode.TemporaryRedirect, "/elsewhere"));
        using var client = new HttpClient(new SameOriginRedirectHandler(server));
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://login.example.com/token")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("once"))),
        };

        using HttpResponseMessage response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Single(server.Sent);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public async Task No_more_than_MaxRedirects_hops_are_followed(int maxRedirects)
    {
        int hop = 0;
        var server = new ScriptedServer(_ => ScriptedServer.Redirect(HttpStatusCode.Found, "/hop" + ++hop));
        using var client = new HttpClient(new SameOriginRedirectHandler(server) { MaxRedirects = maxRedirects });

        using HttpResponseMessage response = await client.GetAsync(new Uri("https://login.example.com/start"));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(maxRedirects + 1, server.Sent.Count);
    }

    [Fact]
    public async Task An_inner_handler_that_follows_redirects_itself_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new SameOriginRedirectHandler(new SocketsHttpHandler()));
        Assert.Throws<ArgumentException>(() => new SameOriginRedirectHandler(new HttpClientHandler()));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SameOriginRedirectHandler { MaxRedirects = -1 });

        // Set afterwards, as a pipeline does: refused at the first send, before anything goes out.
        using var client = new HttpClient(new SameOriginRedirectHandler { InnerHandler = new HttpClientHandler() });
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetAsync(new Uri("https://login.example.com/")));
    }

    [Fact]
    public async Task TokenApiHttpClient_gives_clients_whose_redirects_stay_within_the_origin()
    {
        using HttpClient first = TokenApiHttpClient.Create();
        using HttpClient second = TokenApiHttpClient.Create();

        Assert.NotSame(first, second);
        Assert.Null(first.BaseAddress);
        Assert.False(TokenApiHttpClient.CreatePrimaryHandler().AllowAutoRedirect);
        Assert.Equal(TokenApiHttpClient.PooledConnectionLifetime, TokenApiHttpClient.CreatePrimaryHandler().PooledConnectionLifetime);

        // Disposing one client leaves the shared handler to the others.
        first.Dispose();
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => second.GetAsync(new Uri("http://127.0.0.1:1/")));
    }

    internal sealed record Sent(string Method, Uri Uri, Dictionary<string, string> Headers, string? Body);

    /// <summary>Answers each request as the script says and records what was sent, body included.</summary>
    private sealed class ScriptedServer(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        public List<Sent> Sent { get; } = [];

        public static HttpResponseMessage Redirect(HttpStatusCode status, string location)
        {
            var response = new HttpResponseMessage(status);
            response.Headers.Location = new Uri(location, UriKind.RelativeOrAbsolute);
            return response;
        }

        public static HttpResponseMessage Ok(string body) => new(HttpStatusCode.OK) { Content = new StringContent(body) };

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var header in request.Headers)
            {
                headers[header.Key] = string.Join(",", header.Value);
            }

            string? body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            Sent.Add(new Sent(request.Method.Method, request.RequestUri!, headers, body));
            HttpResponseMessage response = answer(request);
            response.RequestMessage = request;
            return response;
        }
    }
}

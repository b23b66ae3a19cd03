using System;
using System.Net.Http;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace TokenGen;

/// <summary>
/// Gives every <see cref="HttpClient"/> registered by <c>AddTokenApiClient</c> TokenGen's redirect rule — follow redirects
/// only within the request's origin — after everything else has configured its pipeline.
/// </summary>
/// <remarks>
/// A filter, not a builder action, because builder actions run in registration order: a <c>UseSocketsHttpHandler</c> or
/// <c>ConfigurePrimaryHttpMessageHandler</c> called after <c>AddTokenApiClient</c> would put back a primary handler that
/// follows every redirect. The filter runs once the named client's own actions have, switches the primary handler's
/// automatic redirects off (when it is a <see cref="SocketsHttpHandler"/> or <see cref="HttpClientHandler"/>) and puts a
/// <see cref="SameOriginRedirectHandler"/> right above it. A primary handler of another type is left as it is; should it
/// follow a redirect to another origin, the generated client refuses the answer (<see cref="TokenApiRedirectException"/>).
/// </remarks>
internal sealed class TokenApiRedirectFilter : IHttpMessageHandlerBuilderFilter
{
    private readonly IOptionsMonitor<TokenApiRedirectRule> _rules;

    public TokenApiRedirectFilter(IOptionsMonitor<TokenApiRedirectRule> rules) => _rules = rules;

    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return builder =>
        {
            next(builder);
            if (builder.Name is null || !_rules.Get(builder.Name).SameOriginOnly)
            {
                return;
            }

            switch (builder.PrimaryHandler)
            {
                case SocketsHttpHandler sockets:
                    sockets.AllowAutoRedirect = false;
                    break;
                case HttpClientHandler client:
                    client.AllowAutoRedirect = false;
                    break;
            }

            // The last additional handler is the innermost: every hop it follows passes through the others' retry, bearer
            // and logging handlers only once, as one request.
            builder.AdditionalHandlers.Add(new SameOriginRedirectHandler());
        };
    }
}

/// <summary>Marks a named <see cref="HttpClient"/> as a token API's, whose redirects <see cref="TokenApiRedirectFilter"/> governs.</summary>
internal sealed class TokenApiRedirectRule
{
    public bool SameOriginOnly { get; set; }
}

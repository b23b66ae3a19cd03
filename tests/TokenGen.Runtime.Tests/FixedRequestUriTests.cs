using System;
using System.Net.Http;
using TokenGen.Infrastructure;

namespace TokenGen.Runtime.Tests;

/// <summary>The URI of an operation without arguments, kept per base address.</summary>
public sealed class FixedRequestUriTests
{
    [Fact]
    public void The_same_base_address_gets_the_same_uri_instance_built_as_the_builder_builds_it()
    {
        var fixedUri = new FixedRequestUri("/v3/directline/tokens/generate");
        var baseAddress = new Uri("https://directline.example.test/api/");

        Uri first = fixedUri.For(baseAddress);
        Uri second = fixedUri.For(baseAddress);

        Assert.Same(first, second);
        Assert.Equal("https://directline.example.test/api/v3/directline/tokens/generate", first.AbsoluteUri);
    }

    [Fact]
    public void Another_base_address_gets_its_own_uri_and_alternating_stays_correct()
    {
        var fixedUri = new FixedRequestUri("/oauth/token");
        var europe = new Uri("https://europe.example.test");
        var asia = new Uri("https://asia.example.test/prefix");

        for (int i = 0; i < 3; i++)
        {
            Assert.Equal("https://europe.example.test/oauth/token", fixedUri.For(europe).AbsoluteUri);
            Assert.Equal("https://asia.example.test/prefix/oauth/token", fixedUri.For(asia).AbsoluteUri);
        }
    }

    [Fact]
    public void An_equal_but_different_base_address_instance_is_built_again_and_comes_out_equal()
    {
        var fixedUri = new FixedRequestUri("/token");

        Uri first = fixedUri.For(new Uri("https://auth.example.test"));
        Uri second = fixedUri.For(new Uri("https://auth.example.test"));

        Assert.NotSame(first, second);
        Assert.Equal(first, second);
    }
}

/// <summary>What a request says of itself, read the same from a generated request and from options.</summary>
public sealed class TokenApiRequestMessageTests
{
    [Fact]
    public void A_generated_request_carries_its_operation_and_retryability_without_options()
    {
        using var request = new TokenApiRequestMessage(HttpMethod.Post, new Uri("https://auth.example.test/token"), "RefreshTokenAsync", retryable: false);

        Assert.True(TokenApiRequestOptions.TryGetRetryable(request, out bool retryable));
        Assert.False(retryable);
        Assert.Equal("RefreshTokenAsync", TokenApiRequestOptions.GetOperationName(request));
    }

    [Fact]
    public void Another_request_is_read_from_its_options_and_says_nothing_without_them()
    {
        using var tagged = new HttpRequestMessage(HttpMethod.Post, "https://auth.example.test/token");
        tagged.Options.Set(TokenApiRequestOptions.Retryable, true);
        tagged.Options.Set(TokenApiRequestOptions.OperationName, "AcquireAsync");
        using var plain = new HttpRequestMessage(HttpMethod.Post, "https://auth.example.test/token");

        Assert.True(TokenApiRequestOptions.TryGetRetryable(tagged, out bool retryable));
        Assert.True(retryable);
        Assert.Equal("AcquireAsync", TokenApiRequestOptions.GetOperationName(tagged));
        Assert.False(TokenApiRequestOptions.TryGetRetryable(plain, out _));
        Assert.Null(TokenApiRequestOptions.GetOperationName(plain));
    }
}

using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using TokenGen.Infrastructure;

namespace TokenGen.Generator.Tests.Behaviour;

// ---- A token API whose responses put their roles in every place the generator must find them ----------------------

/// <summary>Token responses of every shape: flat, nested in an envelope, in a base class, in structs, in other integer and date types.</summary>
[TokenApi(BaseAddress = "https://readers.example.test", SerializerContext = typeof(TokenReaderJsonContext))]
public partial interface ITokenReaderApi
{
    [Post("/flat")]
    Task<FlatToken> FlatAsync(CancellationToken cancellationToken = default);

    [Post("/nested")]
    Task<Envelope?> NestedAsync(CancellationToken cancellationToken = default);

    [Post("/inherited")]
    Task<InheritedToken> InheritedAsync(CancellationToken cancellationToken = default);

    [Post("/struct")]
    Task<StructToken> StructAsync(CancellationToken cancellationToken = default);

    [Post("/nullable-struct")]
    Task<StructToken?> NullableStructAsync(CancellationToken cancellationToken = default);

    [Post("/unsigned")]
    Task<ApiResponse<UnsignedLifetimeToken>> UnsignedAsync(CancellationToken cancellationToken = default);

    [Post("/dated")]
    Task<DatedToken> DatedAsync(CancellationToken cancellationToken = default);

    [Post("/refresh-only")]
    Task<RefreshOnly> RefreshOnlyAsync(CancellationToken cancellationToken = default);

    [Post("/listed")]
    Task<ListedToken> ListedAsync(CancellationToken cancellationToken = default);

    [Post("/cyclic")]
    Task<CyclicNode> CyclicAsync(CancellationToken cancellationToken = default);
}

public sealed class FlatToken
{
    [AccessToken] public string? Token { get; set; }
    [RefreshToken] public string? Refresh { get; set; }
    [ExpiresIn] public int ExpiresIn { get; set; }
}

public sealed class Envelope
{
    public EnvelopeData? Data { get; set; }
}

public sealed class EnvelopeData
{
    public string? Type { get; set; }
    public EnvelopeAttributes? Attributes { get; set; }
}

public sealed class EnvelopeAttributes
{
    [AccessToken] public string? Access { get; set; }
    [RefreshToken] public string? Refresh { get; set; }
    [ExpiresIn] public long? Lifetime { get; set; }
}

public abstract class TokenBase
{
    [AccessToken] public string? AccessToken { get; set; }
}

public sealed class InheritedToken : TokenBase
{
    [ExpiresAt] public DateTimeOffset? ExpiresOn { get; set; }
}

public struct StructToken
{
    public StructInner Inner { get; set; }
}

public struct StructInner
{
    [AccessToken] public string? Value { get; set; }
    [ExpiresIn] public short? Seconds { get; set; }
}

public sealed class UnsignedLifetimeToken
{
    [AccessToken] public string? Token;
    [ExpiresIn] public ulong Seconds;
}

public sealed class DatedToken
{
    [AccessToken] public string? Token { get; set; }
    [ExpiresAt] public DateTime Expires { get; set; }
}

public sealed class RefreshOnly
{
    [RefreshToken] public string? Refresh { get; set; }
}

public sealed class ListedToken
{
    // A token inside a collection has no single answer, so the walk does not look there.
    public List<FlatToken>? Items { get; set; }
}

public sealed class CyclicNode
{
    public CyclicNode? Next { get; set; }
    [AccessToken] public string? Token { get; set; }
}

[JsonSerializable(typeof(FlatToken))]
[JsonSerializable(typeof(Envelope))]
[JsonSerializable(typeof(InheritedToken))]
[JsonSerializable(typeof(StructToken))]
[JsonSerializable(typeof(StructToken?))]
[JsonSerializable(typeof(UnsignedLifetimeToken))]
[JsonSerializable(typeof(DatedToken))]
[JsonSerializable(typeof(RefreshOnly))]
[JsonSerializable(typeof(ListedToken))]
[JsonSerializable(typeof(CyclicNode))]
public sealed partial class TokenReaderJsonContext : JsonSerializerContext
{
}

/// <summary>
/// The readers the generator emitted for <see cref="ITokenReaderApi"/>, called through the registry a token session
/// uses: each reads exactly the members marked with roles, wherever they sit, with the conversions its types need.
/// </summary>
public sealed class TokenReaderTests
{
    static TokenReaderTests()
    {
        // The module initializer registers the readers when this assembly loads; touching the client proves it ran.
        _ = typeof(TokenReaderApiClient);
    }

    [Fact]
    public void FlatResponse_ReadsAllThreeRoles()
    {
        var values = TokenResponseReaders.Read(new FlatToken { Token = "access-1", Refresh = "refresh-1", ExpiresIn = 1800 });

        Assert.Equal(new TokenResponseValues("access-1", "refresh-1", 1800, null), values);
    }

    [Fact]
    public void EnvelopeResponse_ReadsTheTokenAtDataAttributesAccess()
    {
        var envelope = new Envelope { Data = new EnvelopeData { Type = "tokens", Attributes = new EnvelopeAttributes { Access = "a", Refresh = "r", Lifetime = 60 } } };

        Assert.Equal(new TokenResponseValues("a", "r", 60, null), TokenResponseReaders.Read(envelope));
    }

    [Fact]
    public void EnvelopeWithMissingSteps_ReadsNullsInsteadOfThrowing()
    {
        Assert.Equal(default, TokenResponseReaders.Read(new Envelope()));
        Assert.Equal(default, TokenResponseReaders.Read(new Envelope { Data = new EnvelopeData() }));
        Assert.Equal(default, TokenResponseReaders.Read<Envelope>(null!));
    }

    [Fact]
    public void InheritedAccessToken_IsFoundInTheBaseClass()
    {
        var expires = new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.FromHours(2));

        var values = TokenResponseReaders.Read(new InheritedToken { AccessToken = "base-token", ExpiresOn = expires });

        Assert.Equal(new TokenResponseValues("base-token", null, null, expires), values);
    }

    [Fact]
    public void StructGraph_IsReadThroughPlainAndNullableStructs()
    {
        var token = new StructToken { Inner = new StructInner { Value = "in-struct", Seconds = 90 } };

        Assert.Equal(new TokenResponseValues("in-struct", null, 90, null), TokenResponseReaders.Read(token));
        Assert.Equal(new TokenResponseValues("in-struct", null, 90, null), TokenResponseReaders.Read<StructToken?>(token));
        Assert.Equal(default, TokenResponseReaders.Read<StructToken?>(null));
    }

    [Fact]
    public void UnsignedLifetimeField_IsCappedInsteadOfWrapping()
    {
        var values = TokenResponseReaders.Read(new UnsignedLifetimeToken { Token = "u", Seconds = ulong.MaxValue });

        Assert.Equal(long.MaxValue, values.ExpiresInSeconds);
        Assert.Equal(30, TokenResponseReaders.Read(new UnsignedLifetimeToken { Token = "u", Seconds = 30 }).ExpiresInSeconds);
    }

    [Fact]
    public void DateTimeExpiry_OfUnspecifiedKind_IsTakenAsUtc()
    {
        var values = TokenResponseReaders.Read(new DatedToken { Token = "d", Expires = new DateTime(2026, 11, 21, 8, 30, 0, DateTimeKind.Unspecified) });

        Assert.Equal(new DateTimeOffset(2026, 11, 21, 8, 30, 0, TimeSpan.Zero), values.ExpiresAt);
    }

    [Fact]
    public void ResponsesWithoutAnAccessToken_GetNoReader()
    {
        Assert.False(TokenResponseReaders.TryGet<RefreshOnly>(out _));
        Assert.False(TokenResponseReaders.TryGet<ListedToken>(out _));
        Assert.Throws<InvalidOperationException>(() => TokenResponseReaders.Read(new RefreshOnly { Refresh = "r" }));
    }

    [Fact]
    public void CyclicGraph_ReadsTheRootsOwnToken()
    {
        var values = TokenResponseReaders.Read(new CyclicNode { Token = "root", Next = new CyclicNode { Token = "child" } });

        Assert.Equal("root", values.AccessToken);
    }

    [Fact]
    public void ApiResponseReturn_RegistersItsContentType()
    {
        Assert.True(TokenResponseReaders.TryGet<UnsignedLifetimeToken>(out _));
    }
}

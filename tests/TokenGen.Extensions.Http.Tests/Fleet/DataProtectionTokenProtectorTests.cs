using System;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using TokenGen;

namespace TokenGen.Extensions.Http.Tests.Fleet;

public sealed class DataProtectionTokenProtectorTests
{
    private static readonly byte[] s_token = Encoding.UTF8.GetBytes("eyJhbGciOiJub25lIn0.eyJzdWIiOiJhIn0.");
    private static readonly byte[] s_entry = Encoding.UTF8.GetBytes("tokengen:prowler:1f2e|v7");

    [Fact]
    public void AProtectedTokenOpensWithTheSameAssociatedDataAndIsNotReadableInTheStore()
    {
        var protector = new DataProtectionTokenProtector(new EphemeralDataProtectionProvider());

        byte[] stored = protector.Protect(s_token, s_entry);

        Assert.Equal(-1, stored.AsSpan().IndexOf(s_token.AsSpan(0, 16)));
        Assert.True(protector.TryUnprotect(stored, s_entry, out var opened));
        Assert.Equal(s_token, opened);
    }

    [Theory]
    [InlineData("tokengen:prowler:1f2e|v8")]
    [InlineData("tokengen:other:1f2e|v7")]
    [InlineData("")]
    public void AnEntryMovedToAnotherKeyOrVersionDoesNotOpen(string otherEntry)
    {
        var protector = new DataProtectionTokenProtector(new EphemeralDataProtectionProvider());
        byte[] stored = protector.Protect(s_token, s_entry);

        Assert.False(protector.TryUnprotect(stored, Encoding.UTF8.GetBytes(otherEntry), out var opened));
        Assert.Null(opened);
    }

    [Fact]
    public void AChangedEntryOrOneFromAnotherKeyRingDoesNotOpenAndNothingThrows()
    {
        var protector = new DataProtectionTokenProtector(new EphemeralDataProtectionProvider());
        var stranger = new DataProtectionTokenProtector(new EphemeralDataProtectionProvider());
        byte[] stored = protector.Protect(s_token, s_entry);
        byte[] changed = (byte[])stored.Clone();
        changed[^1] ^= 0x01;

        Assert.False(protector.TryUnprotect(changed, s_entry, out _));
        Assert.False(stranger.TryUnprotect(stored, s_entry, out _));
        Assert.False(protector.TryUnprotect(ReadOnlySpan<byte>.Empty, s_entry, out _));
        Assert.False(protector.TryUnprotect(new byte[] { 1, 2, 3 }, s_entry, out _));
    }

    [Fact]
    public void TheRegistrationReplacesAnyProtectorRegisteredBeforeIt()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ITokenProtector>(new AesGcmTokenProtector(AesGcmTokenProtector.GenerateKey()));
        services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());

        services.AddDataProtectionTokenProtector();
        using var provider = services.BuildServiceProvider();

        Assert.IsType<DataProtectionTokenProtector>(provider.GetRequiredService<ITokenProtector>());
        Assert.Single(services, descriptor => descriptor.ServiceType == typeof(ITokenProtector));
    }
}

using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace TokenGen.OAuth2.Tests.Infrastructure;

/// <summary>
/// The token storage OpenIddict's degraded mode goes without, cut to what it needs for revocation, one-use tokens and the
/// device flow: an id per issued token and that token's status. OpenIddict still creates, signs, encrypts and validates
/// every token itself (signature, issuer, type, expiry, the client it was issued to); this only remembers, by the id
/// OpenIddict carries inside the token (<c>oi_tkn_id</c>), whether the token was redeemed or revoked, and for a device
/// code whether the user has answered. A token's payload is never stored here.
/// </summary>
internal sealed class TokenEntries(TimeProvider clock)
{
    // RFC 8628 §6.1: a short code from consonants only (no vowels, so no words; no look-alike characters).
    private const string UserCodeCharacters = "BCDFGHJKLMNPQRSTVWXZ";

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _deviceCodeIdsByUserCode = new(StringComparer.Ordinal);

    public enum Status
    {
        /// <summary>Usable.</summary>
        Valid,

        /// <summary>A device code the user has not approved or denied yet.</summary>
        Pending,

        /// <summary>A device code the user denied.</summary>
        Denied,

        /// <summary>A one-use token (authorization code, device code, refresh token) already exchanged.</summary>
        Redeemed,

        /// <summary>Revoked through the revocation endpoint (RFC 7009).</summary>
        Revoked,
    }

    /// <summary>Creates the entry of a token OpenIddict is about to issue, and returns the id to put in the token.</summary>
    public string Create(bool pending)
    {
        var id = Guid.NewGuid().ToString("N");
        _entries[id] = new Entry(pending ? Status.Pending : Status.Valid) { LastPoll = clock.GetUtcNow() };
        return id;
    }

    /// <summary>Issues the short user code of a device code (degraded mode would hand out its long encrypted user code token).</summary>
    public string CreateUserCode(string deviceCodeId)
    {
        while (true)
        {
            var code = string.Create(9, 0, static (chars, _) =>
            {
                for (var i = 0; i < chars.Length; i++)
                {
                    chars[i] = i == 4 ? '-' : UserCodeCharacters[RandomNumberGenerator.GetInt32(UserCodeCharacters.Length)];
                }
            });
            if (_deviceCodeIdsByUserCode.TryAdd(code, deviceCodeId))
            {
                return code;
            }
        }
    }

    public Status? StatusOf(string id) => _entries.TryGetValue(id, out var entry) ? entry.Status : null;

    public string? SubjectOf(string id) => _entries.TryGetValue(id, out var entry) ? entry.Subject : null;

    /// <summary>Marks a one-use token as used; <see langword="false"/> when it was not <see cref="Status.Valid"/> (a concurrent reuse lost).</summary>
    public bool TryRedeem(string id) =>
        _entries.TryGetValue(id, out var entry) && entry.TryMove(Status.Valid, Status.Redeemed);

    public void Revoke(string id)
    {
        if (_entries.TryGetValue(id, out var entry))
        {
            entry.Status = Status.Revoked;
        }
    }

    /// <summary>The user typed <paramref name="userCode"/> and approved (as <paramref name="subject"/>) or denied the device.</summary>
    /// <returns><see langword="false"/> when the user code is unknown or the device already answered.</returns>
    public bool Answer(string userCode, string? subject)
    {
        if (!_deviceCodeIdsByUserCode.TryGetValue(userCode, out var id) || !_entries.TryGetValue(id, out var entry))
        {
            return false;
        }

        entry.Subject = subject;
        return entry.TryMove(Status.Pending, subject is null ? Status.Denied : Status.Valid);
    }

    /// <summary>
    /// Records a poll of a device code and says whether it came too soon: sooner than <paramref name="interval"/> after
    /// the previous poll (or after the code was issued) on the server's clock.
    /// </summary>
    public bool PollTooSoon(string id, TimeSpan interval)
    {
        if (!_entries.TryGetValue(id, out var entry))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        lock (entry)
        {
            var tooSoon = now - entry.LastPoll < interval;
            entry.LastPoll = now;
            return tooSoon;
        }
    }

    private sealed class Entry(Status status)
    {
        private int _status = (int)status;

        public Status Status
        {
            get => (Status)Volatile.Read(ref _status);
            set => Volatile.Write(ref _status, (int)value);
        }

        public string? Subject { get; set; }

        /// <summary>When the device code was last polled, or issued.</summary>
        public DateTimeOffset LastPoll { get; set; }

        public bool TryMove(Status from, Status to) =>
            Interlocked.CompareExchange(ref _status, (int)to, (int)from) == (int)from;
    }
}

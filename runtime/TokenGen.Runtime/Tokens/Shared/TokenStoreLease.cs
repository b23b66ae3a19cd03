namespace TokenGen;

/// <summary>
/// The right, for a while, to be the one instance of a fleet that fetches a token: given by
/// <see cref="ITokenStore.TryAcquireLeaseAsync"/>, ended by <see cref="ITokenStore.ReleaseLeaseAsync"/> or by expiry.
/// </summary>
public sealed class TokenStoreLease
{
    /// <summary>Creates a lease a store has granted.</summary>
    /// <param name="fencingToken">A number greater than that of every lease the store granted before for the key.</param>
    /// <param name="previousLeaseExpired">
    /// Whether the lease before this one ended by expiring rather than by being released: its holder may have sent the
    /// refresh token and never written what came back, so the refresh token in the store may be spent.
    /// </param>
    /// <param name="holder">The store's own record of the holder, which it compares when the lease is used; opaque to the session.</param>
    public TokenStoreLease(long fencingToken, bool previousLeaseExpired, string holder)
    {
        FencingToken = fencingToken;
        PreviousLeaseExpired = previousLeaseExpired;
        Holder = holder;
    }

    /// <summary>Greater than the fencing token of every earlier lease of the key.</summary>
    public long FencingToken { get; }

    /// <summary>
    /// Whether the previous lease expired instead of being released. The session then acquires with its credentials
    /// rather than refreshing: a refresh token that a lost holder may have sent must not be sent again.
    /// </summary>
    public bool PreviousLeaseExpired { get; }

    /// <summary>The store's record of the holder (for example the fencing token and the store instance); never a secret.</summary>
    public string Holder { get; }

    /// <summary>Says the fencing token and whether the previous lease expired.</summary>
    /// <returns>For example <c>TokenStoreLease { FencingToken = 7, PreviousLeaseExpired = false }</c>.</returns>
    public override string ToString() =>
        $"TokenStoreLease {{ FencingToken = {FencingToken}, PreviousLeaseExpired = {(PreviousLeaseExpired ? "true" : "false")} }}";
}

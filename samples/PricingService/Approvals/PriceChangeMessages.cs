namespace Pricing.Approvals;

public sealed record PriceChangeRequested(Guid ChangeId, string Sku, decimal Amount, string RequestedBy);

public sealed record PriceChangeApproved(Guid ChangeId, string ApprovedBy);

public sealed record PriceChangeRejected(Guid ChangeId, string Reason);

public sealed record RequestPriceApproval(Guid ChangeId, string Sku, decimal Amount);

public sealed record ApplyPriceChange(Guid ChangeId, string Sku, decimal Amount);

public sealed record PriceChangeDeclined(Guid ChangeId, string Sku, string Reason);

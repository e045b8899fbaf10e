using Rebus.Bus;
using Rebus.Handlers;
using Rebus.Sagas;

namespace Pricing.Approvals;

public sealed class PriceChangeApproval : SagaData
{
    public Guid ChangeId { get; set; }
    public string Sku { get; set; } = "";
    public decimal Amount { get; set; }
    public string RequestedBy { get; set; } = "";
}

/// <summary>A price change beyond the allowed step waits for a pricing manager's decision.</summary>
public sealed class PriceChangeApprovalSaga(IBus bus) : Saga<PriceChangeApproval>,
    IAmInitiatedBy<PriceChangeRequested>, IHandleMessages<PriceChangeApproved>, IHandleMessages<PriceChangeRejected>
{
    protected override void CorrelateMessages(ICorrelationConfig<PriceChangeApproval> config)
    {
        config.Correlate<PriceChangeRequested>(m => m.ChangeId, d => d.ChangeId);
        config.Correlate<PriceChangeApproved>(m => m.ChangeId, d => d.ChangeId);
        config.Correlate<PriceChangeRejected>(m => m.ChangeId, d => d.ChangeId);
    }

    public async Task Handle(PriceChangeRequested message)
    {
        if (!IsNew) return;
        Data.Sku = message.Sku;
        Data.Amount = message.Amount;
        Data.RequestedBy = message.RequestedBy;
        await bus.Send(new RequestPriceApproval(message.ChangeId, message.Sku, message.Amount));
    }

    public async Task Handle(PriceChangeApproved message)
    {
        await bus.SendLocal(new ApplyPriceChange(message.ChangeId, Data.Sku, Data.Amount));
        MarkAsComplete();
    }

    public async Task Handle(PriceChangeRejected message)
    {
        await bus.Publish(new PriceChangeDeclined(message.ChangeId, Data.Sku, message.Reason));
        MarkAsComplete();
    }
}

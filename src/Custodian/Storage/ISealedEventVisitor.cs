namespace Custodian.Storage;

/// <summary>Receives a subject's events in (time, id) order straight from the store (see <see cref="IVaultStore.VisitEventsAsync"/>).</summary>
public interface ISealedEventVisitor
{
    /// <summary>Visits one event; returns false to stop before it, leaving the cursor on the event visited last.</summary>
    bool VisitEvent(in SealedEventRow row);
}

import { useT } from '../i18n';
import { selectIndicator, useConnectionStore } from '../stores/connectionStore';

/** Always visible: whether edits reach the others right now. */
export function ConnectionStatus() {
  const t = useT();
  const state = useConnectionStore(selectIndicator);
  const pending = useConnectionStore((s) => s.pendingChanges);
  const everSynced = useConnectionStore((s) => s.everSynced);
  let label: string;
  if (state === 'online') label = t.statusOnline;
  else if (state === 'offline') label = pending > 0 ? t.statusOfflinePending(pending) : t.statusOffline;
  else label = everSynced ? t.statusReconnecting : t.statusConnecting;
  return (
    <div className={`connection connection-${state}`} data-testid="connection-status" data-state={state} role="status">
      <span className="dot" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

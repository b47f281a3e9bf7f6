import { useT } from '../../i18n';
import { useConnectionStore } from '../../stores/connectionStore';

/** Whether the host's commands reach the server right now (the control connection). */
export function HostStatus() {
  const t = useT();
  const socket = useConnectionStore((s) => s.socket);
  const state = socket === 'connected' ? 'online' : socket === 'connecting' ? 'reconnecting' : 'offline';
  const label =
    socket === 'connected' ? t.host.connected : socket === 'connecting' ? t.host.connecting : t.host.disconnected;
  return (
    <div className={`connection connection-${state}`} data-testid="host-status" data-state={state} role="status">
      <span className="dot" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

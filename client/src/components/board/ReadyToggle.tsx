import { useState } from 'react';
import { ackErrorMessage } from '../../board/useBoardActions';
import { useT } from '../../i18n';
import { sendControl } from '../../net/activeBoard';
import { uiStore } from '../../stores/uiStore';
import { CheckIcon } from './icons';

/**
 * "Klaar voor de volgende ronde": the pressed state is the server's (`state.ready`), so it
 * resets by itself when the host moves on; while the answer is underway the button waits.
 */
export function ReadyToggle({ ready }: { ready: boolean }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const toggle = async () => {
    setBusy(true);
    const res = await sendControl('participant:ready', { ready: !ready });
    setBusy(false);
    const message = res.ok ? (ready ? t.board.readyOff : t.board.readyOn) : ackErrorMessage(res.error);
    uiStore.getState().pushToast({ message, timeoutMs: res.ok ? 3000 : undefined });
  };
  return (
    <button
      type="button"
      className={ready ? 'button small ready-toggle pressed' : 'button small ready-toggle'}
      aria-pressed={ready}
      data-testid="ready-toggle"
      disabled={busy}
      onClick={() => void toggle()}
    >
      {ready && <CheckIcon />} {t.board.ready}
    </button>
  );
}

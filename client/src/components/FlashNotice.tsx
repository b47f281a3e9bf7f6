import { useT } from '../i18n';
import { uiStore, useUiStore } from '../stores/uiStore';

/** A notice carried over a redirect, e.g. "you have not joined this session". */
export function FlashNotice() {
  const t = useT();
  const flash = useUiStore((s) => s.flash);
  if (!flash) return null;
  return (
    <div className="notice" role="alert" data-testid="flash">
      <p>{flash}</p>
      <button
        type="button"
        className="icon-button"
        aria-label={t.dismiss}
        onClick={() => uiStore.getState().setFlash(null)}
      >
        ×
      </button>
    </div>
  );
}

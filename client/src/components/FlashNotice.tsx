import { useT } from '../i18n';
import { uiStore, useUiStore } from '../stores/uiStore';
import { Notice } from './Notice';

/** A notice carried over a redirect, e.g. "you have not joined this session". */
export function FlashNotice() {
  const t = useT();
  const flash = useUiStore((s) => s.flash);
  if (!flash) return null;
  return (
    <Notice
      testId="flash"
      action={
        <button
          type="button"
          className="icon-button"
          aria-label={t.dismiss}
          onClick={() => uiStore.getState().setFlash(null)}
        >
          ×
        </button>
      }
    >
      {flash}
    </Notice>
  );
}

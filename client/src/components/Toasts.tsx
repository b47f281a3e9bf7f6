import { useEffect } from 'react';
import { useT } from '../i18n';
import { uiStore, useUiStore, type Toast } from '../stores/uiStore';

function ToastItem({ toast }: { toast: Toast }) {
  const t = useT();
  const { id, timeoutMs } = toast;
  useEffect(() => {
    const timer = setTimeout(() => uiStore.getState().dismissToast(id), timeoutMs);
    return () => clearTimeout(timer);
  }, [id, timeoutMs]);
  const dismiss = () => uiStore.getState().dismissToast(id);
  return (
    <li className="toast" data-testid="toast">
      <span>{toast.message}</span>
      {toast.action && (
        <button
          type="button"
          className="button small"
          data-testid="toast-action"
          onClick={() => {
            toast.action?.run();
            dismiss();
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" className="icon-button" aria-label={t.dismiss} onClick={dismiss}>
        ×
      </button>
    </li>
  );
}

export function Toasts() {
  const toasts = useUiStore((s) => s.toasts);
  return (
    <ul className="toasts" aria-live="polite">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </ul>
  );
}

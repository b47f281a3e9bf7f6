import type { Locale } from '@casusbord/shared';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

export interface ToastAction {
  label: string;
  run: () => void;
}

export interface Toast {
  id: number;
  message: string;
  action?: ToastAction;
  /** Auto-dismiss after this many milliseconds. */
  timeoutMs: number;
}

export interface UiState {
  locale: Locale;
  toasts: Toast[];
  /** A one-off notice shown on the next page (e.g. after a redirect); cleared when dismissed. */
  flash: string | null;
  setLocale: (locale: Locale) => void;
  pushToast: (toast: Omit<Toast, 'id' | 'timeoutMs'> & { timeoutMs?: number }) => number;
  dismissToast: (id: number) => void;
  setFlash: (message: string | null) => void;
}

const DEFAULT_TOAST_MS = 8000;

export function createUiStore(initial: { locale?: Locale } = {}) {
  let nextToastId = 1;
  return createStore<UiState>()((set) => ({
    locale: initial.locale ?? 'nl',
    toasts: [],
    flash: null,
    setLocale: (locale) => set({ locale }),
    pushToast: (toast) => {
      const id = nextToastId++;
      set((s) => ({ toasts: [...s.toasts, { timeoutMs: DEFAULT_TOAST_MS, ...toast, id }] }));
      return id;
    },
    dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
    setFlash: (flash) => set({ flash }),
  }));
}

export type UiStore = ReturnType<typeof createUiStore>;

export const uiStore = createUiStore();

export function useUiStore<T>(selector: (state: UiState) => T): T {
  return useStore(uiStore, selector);
}

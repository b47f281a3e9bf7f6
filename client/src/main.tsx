import type { Locale } from '@casusbord/shared';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { LOCALE_STORAGE_KEY } from './config';
import { DICTIONARIES } from './i18n';
import { uiStore } from './stores/uiStore';
import './styles.css';

/** Dutch unless asked otherwise: ?lang=en in the address, or the last choice on this device. */
function initialLocale(): Locale {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    stored = null;
  }
  const wanted = fromUrl ?? stored;
  return wanted && Object.hasOwn(DICTIONARIES, wanted) ? (wanted as Locale) : 'nl';
}

uiStore.getState().setLocale(initialLocale());

// A switch in another window of this device (the host view) carries over to this one (the beamer).
window.addEventListener('storage', (event) => {
  if (event.key === LOCALE_STORAGE_KEY && event.newValue && Object.hasOwn(DICTIONARIES, event.newValue)) {
    uiStore.getState().setLocale(event.newValue as Locale);
  }
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

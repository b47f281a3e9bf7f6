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

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

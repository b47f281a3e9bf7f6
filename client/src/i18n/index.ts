import type { Locale } from '@casusbord/shared';
import { useUiStore } from '../stores/uiStore';
import { en } from './en';
import { nl, type Messages } from './nl';

export type { Messages };

export const DICTIONARIES: Record<Locale, Messages> = { nl, en };
export const DEFAULT_LOCALE: Locale = 'nl';

export function messagesFor(locale: Locale): Messages {
  return DICTIONARIES[locale];
}

/** The dictionary of the current UI locale; re-renders when the user switches language. */
export function useT(): Messages {
  return messagesFor(useUiStore((s) => s.locale));
}

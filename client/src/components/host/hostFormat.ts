import { currentRound, type Locale, type PresenceEntry, type Round, type TableState } from '@casusbord/shared';

/** A round's title in the given language (rounds carry both; a session has one). */
export function roundTitle(round: Round | undefined, locale: Locale): string {
  return round ? round.title[locale] : '';
}

/** Minutes as people write them: "15", "2,5" in Dutch, "2.5" in English; at most two decimals. */
export function formatMinutes(minutes: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 }).format(minutes);
}

/** Parses "2,5" or "2.5"; NaN for anything else. */
export function parseMinutes(text: string): number {
  const normalised = text.trim().replace(',', '.');
  return /^\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : Number.NaN;
}

/** Participants (not the host or recipients) as the server lists them, by name. */
export function participantsOf(entries: readonly PresenceEntry[]): (PresenceEntry & { participantId: string })[] {
  return entries
    .filter((e): e is PresenceEntry & { participantId: string } => e.role === 'participant' && e.participantId !== null)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** A DOM id for a section of the host view, so checklist actions and the nav can jump there. */
export const HOST_SECTION_IDS = {
  tables: 'host-tables',
  rounds: 'host-rounds',
  settings: 'host-settings',
  caseDay: 'host-caseday',
  handover: 'host-handover',
} as const;

/** Moves focus to a control (and scrolls it into view) — how checklist actions lead the host on. */
export function focusControl(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  el.focus({ preventScroll: true });
}

/** True when the current round is private and its drafts have not been revealed at this table. */
export function draftsWaiting(table: TableState): boolean {
  const round = currentRound(table.round);
  const active = table.round.status === 'running' || table.round.status === 'paused';
  return Boolean(active && round?.privateWriting && !table.revealedRounds.includes(round.id));
}

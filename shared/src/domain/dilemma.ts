import type { Role } from '../protocol/types';
import type { DilemmaView } from '../protocol/dilemma';

/*
 * Issue 16, the dilemma line, pure: who may set, place and reveal, and what a socket may see.
 * The server (server/src/control/dilemmaCommands.ts) applies these to every event and the client
 * uses them to decide what it offers. Anonymity is decided here: a view carries other people's
 * positions only once the dilemma is revealed, and a position is never tied to a name.
 */

export interface Dilemma {
  id: string;
  text: string;
  left: string;
  right: string;
  /** ms since epoch */
  createdAt: number;
  /** When the host revealed the markers; null before. */
  revealedAt: number | null;
}

export interface DilemmaMarker {
  participantId: string;
  /** 0 … DILEMMA_SCALE */
  position: number;
}

/** Why an event is refused: an error code of errors.ts and a sentence for the sender. */
export interface DilemmaRefusal {
  code: 'forbidden' | 'invalid_command' | 'session_locked' | 'not_found';
  message: string;
}

/** Refusals the stores give too, where the check has to be atomic with the write. */
export const NO_DILEMMA: DilemmaRefusal = { code: 'not_found', message: 'There is no such dilemma in this session' };
export const DILEMMA_REVEALED: DilemmaRefusal = {
  code: 'invalid_command',
  message: 'The markers have been revealed; they can no longer be moved',
};
export const dilemmaLimit = (max: number): DilemmaRefusal => ({
  code: 'invalid_command',
  message: `A session holds at most ${max} dilemmas`,
});

const LOCKED: DilemmaRefusal = {
  code: 'session_locked',
  message: 'The session has been handed over; the dilemma line is closed',
};

/** The host sets a new dilemma, while the session is open and below `max` dilemmas. */
export function setDilemmaVerdict(role: Role, locked: boolean, existing: number, max: number): DilemmaRefusal | null {
  if (role !== 'host') return { code: 'forbidden', message: 'Only the facilitator sets a dilemma' };
  if (locked) return LOCKED;
  if (existing >= max) return dilemmaLimit(max);
  return null;
}

/** A participant places (or moves) their own one marker, until the dilemma is revealed. */
export function placeMarkerVerdict(role: Role, locked: boolean, dilemma: Dilemma | null): DilemmaRefusal | null {
  if (role !== 'participant') return { code: 'forbidden', message: 'Only participants place a marker' };
  if (locked) return LOCKED;
  if (!dilemma) return NO_DILEMMA;
  return dilemma.revealedAt !== null ? DILEMMA_REVEALED : null;
}

/** The host reveals a dilemma's markers (again is fine: nothing changes). */
export function revealVerdict(role: Role, locked: boolean, dilemma: Dilemma | null): DilemmaRefusal | null {
  if (role !== 'host') return { code: 'forbidden', message: 'Only the facilitator reveals the markers' };
  if (locked) return LOCKED;
  return dilemma ? null : NO_DILEMMA;
}

/** The dilemma the line shows: the one set last. */
export function currentDilemma(dilemmas: readonly Dilemma[]): Dilemma | null {
  let latest: Dilemma | null = null;
  for (const d of dilemmas) if (!latest || d.createdAt > latest.createdAt) latest = d;
  return latest;
}

/**
 * What `viewer` (a participant id, or null for the host, a recipient and the session's room) may
 * see of a dilemma: the count always, their own position, and everyone's positions (ascending,
 * so their order tells nothing) only once revealed.
 */
export function dilemmaView(d: Dilemma, markers: readonly DilemmaMarker[], viewer: string | null): DilemmaView {
  const revealed = d.revealedAt !== null;
  return {
    id: d.id,
    text: d.text,
    left: d.left,
    right: d.right,
    revealed,
    count: markers.length,
    positions: revealed ? markers.map((m) => m.position).sort((a, b) => a - b) : null,
    mine: viewer === null ? null : (markers.find((m) => m.participantId === viewer)?.position ?? null),
  };
}

/** How a spread reads in words: markers in the left third, the middle and the right third. */
export interface Spread {
  left: number;
  middle: number;
  right: number;
}

/** `positions` as fractions 0 … 1 (0 = the left pole). */
export function spreadOf(positions: readonly number[]): Spread {
  const left = positions.filter((p) => p < 1 / 3).length;
  const right = positions.filter((p) => p > 2 / 3).length;
  return { left, middle: positions.length - left - right, right };
}

/** A dilemma with its markers, as the report's caller loads them from the store. */
export interface ReportDilemmaInput {
  dilemma: Dilemma;
  markers: readonly DilemmaMarker[];
}

/** A dilemma in the report: as nobody's view (no `mine`), positions (ascending, no names) only once revealed. */
export interface ReportDilemma extends Omit<DilemmaView, 'positions' | 'mine'> {
  /** Empty until the host revealed the markers: a report never shows an unrevealed spread. */
  positions: number[];
}

/** The session's dilemmas for the report, oldest first, texts made safe by `clean`. */
export function reportDilemmas(inputs: readonly ReportDilemmaInput[], clean: (text: string) => string): ReportDilemma[] {
  return [...inputs]
    .sort((a, b) => a.dilemma.createdAt - b.dilemma.createdAt)
    .map(({ dilemma, markers }) => {
      const { mine: _none, ...view } = dilemmaView(dilemma, markers, null);
      return {
        ...view,
        text: clean(view.text),
        left: clean(view.left),
        right: clean(view.right),
        positions: view.positions ?? [],
      };
    });
}

/** A marker in a dot plot: dots that would overlap stack upwards, so a crowd at one spot shows as a column. */
export interface PlotDot {
  /** 0 … 1 along the line (0 = left pole). */
  at: number;
  /** 0 for the bottom row, 1 for the dot stacked on it, … */
  level: number;
}

/** Dots closer than `minGap` (a fraction of the line) to a dot in the same row go one row up. */
export function stackDots(positions: readonly number[], minGap = 0.04): PlotDot[] {
  const rows: number[][] = [];
  return positions.map((at) => {
    let level = 0;
    while (rows[level]?.some((x) => Math.abs(x - at) < minGap)) level++;
    (rows[level] ??= []).push(at);
    return { at, level };
  });
}

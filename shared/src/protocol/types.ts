import type { Bilingual } from '../domain/methods';
import type { RoundState, RoundStatus } from '../domain/rounds';
import { z } from 'zod';
import { LOCALES, METHOD_IDS, type Locale, type MethodId } from './schemas';
import type { FollowUpState, SessionBuddy } from './community';
import type { CohostEntry } from '../domain/cohosts';
import type { Focus } from '../domain/focus';

export type Role = 'host' | 'participant' | 'recipient';

/** A table (group) of a session; each has its own board document. */
export interface GroupView {
  id: string;
  name: string;
  docName: string;
}

export interface CreateSessionResponse {
  sessionId: string;
  joinCode: string;
  hostToken: string;
  /** The board document of the first table. */
  docName: string;
  /** Link participants can open to join, e.g. https://host/join/AB3K9X */
  joinUrl: string;
}

export interface JoinResponse {
  sessionId: string;
  participantId: string;
  name: string;
  role: 'participant';
  token: string;
  docName: string;
  groupId: string;
}

/**
 * `GET /api/join/:code`: what someone who opens a join link sees before typing a name — the case
 * and the round now running. Only for a valid code (a miss counts as a wrong guess).
 */
export interface JoinPreview {
  title: string;
  city: string;
  caseHolderName: string | null;
  locale: Locale;
  /** Handed over: nobody can write any more. */
  locked: boolean;
  /** The round of the first table (a newcomer joins the emptiest table; case-day tables usually keep pace). */
  round: {
    status: RoundStatus;
    /** 0-based */
    index: number;
    count: number;
    title: Bilingual;
    instruction: Bilingual;
  } | null;
  /**
   * Issue 16: with the member keys of this browser in `X-Member-Key` (comma-separated), the
   * member's buddy or newcomers who already joined this session. Absent without a matching key.
   */
  buddies?: SessionBuddy[];
}

export interface ParticipantView {
  id: string;
  name: string;
  groupId: string;
}

/** The case a session is about, as the host set it up: kept in the session record, shown in SessionView. */
export const sessionCaseSchema = z.object({
  title: z.string(),
  city: z.string(),
  question: z.string(),
  caseHolderName: z.string().nullable(),
  context: z.string().nullable(),
  method: z.enum(METHOD_IDS),
  locale: z.enum(LOCALES),
});
export type SessionCase = z.infer<typeof sessionCaseSchema>;

/** GET /api/sessions/:id — what every role may see. */
export interface SessionView extends SessionCase {
  id: string;
  createdAt: string;
  /** The community the session belongs to (issue 9), or null. */
  communityId: string | null;
  /** Host-set tag for the archive filters, or null. */
  theme: string | null;
  /** The archived session this one follows up (same community), or null. */
  followUpOf: string | null;
  /** The caller's own role and identity, from the server's record of the token. */
  you: {
    role: Role;
    participantId: string | null;
    name: string | null;
    groupId: string | null;
    /** Set (true) for a co-host: a host who may not manage co-host links or delete the session. */
    cohost?: boolean;
  };
  /** Tables the caller may open: all of them for the host, the own table for a participant. */
  groups: GroupView[];
  /** Only for the host. */
  joinCode?: string;
  joinUrl?: string;
  participants?: ParticipantView[];
}

/** One line of the presence list, as the server knows it (never what a client claims). */
export interface PresenceEntry {
  participantId: string | null;
  name: string;
  role: Role;
  groupId: string | null;
  online: boolean;
}

/** One table's place in the method, as the server decides it. */
export interface TableState {
  id: string;
  name: string;
  docName: string;
  round: RoundState;
  /** Ids of private rounds whose drafts the host has revealed at this table. */
  revealedRounds: string[];
}

/**
 * `session:state`: everything authoritative about a session's progress. Sent to every socket on
 * connect and to the whole session on every change; `serverNow` (ms) lets each client correct
 * its clock skew, so every screen shows the same time left.
 */
export interface SessionState {
  sessionId: string;
  serverNow: number;
  /** Increases with every change; a client ignores a state older than the one it shows. */
  version: number;
  method: MethodId;
  tables: TableState[];
  /** Case day: the board into which tables promote their strongest cards. */
  plenaryDocName: string | null;
  /** Dots each person may give in a voting round. */
  dotsPerPerson: number;
  /** Participant id of the case holder (casusinbrenger), if named. */
  caseHolderId: string | null;
  /** Participant ids that marked themselves ready for the next round. */
  ready: string[];
  /** True after the handover: every board is read-only. */
  locked: boolean;
  /** A follow-up session: the earlier advice and what the case holder says became of it; else null. */
  followUp: FollowUpState | null;
  /** The host opened the lens deck (prompt cards) for everyone. */
  lensesOpen: boolean;
  /**
   * Case day: the board the facilitator brought everyone to ("bring everyone here"), or null. The
   * server always sends it; absent (a state this browser saved before it existed) means null.
   */
  focus?: Focus | null;
}


/** Formats of the advice report: `GET /api/reports/<reportToken>?format=…`. */
export const REPORT_FORMATS = ['html', 'md', 'docx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** POST /api/sessions/:id/handover (host): the session is locked and a recipient link made. */
export interface HandoverResponse {
  /** The recipient's token: read-only, for the report link and downloads. Shown once; only its hash is stored. */
  reportToken: string;
  /** The read-only web page of the report: `<PUBLIC_URL or origin>/r/<reportToken>`. */
  reportUrl: string;
  locked: true;
  /** ISO time of this handover. */
  handedOverAt: string;
  /** Download links per format (each answers with Content-Disposition: attachment). */
  downloads: Record<ReportFormat, string>;
}

/** POST /api/sessions/:id/cohosts (the session's host): a new co-host link. */
export interface CohostLinkResponse {
  cohost: CohostEntry;
  /** The co-host's token. Shown once; only its hash is stored. */
  token: string;
  /** Opens the host view as co-host: `<PUBLIC_URL or origin>/s/<id>/host#cohost=<token>`. */
  url: string;
}

/** GET /api/sessions/:id/cohosts (the session's host): every co-host link, revoked ones too, oldest first. */
export interface CohostListResponse {
  cohosts: CohostEntry[];
}

/** POST /api/sessions/:id/reopen (host): the boards are writable again; report links keep working. */
export interface ReopenResponse {
  locked: false;
}

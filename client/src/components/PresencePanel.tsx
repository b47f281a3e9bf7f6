import { useT } from '../i18n';
import { usePresenceStore } from '../stores/presenceStore';

/** Who is here, as the server knows it. */
export function PresencePanel({ ownParticipantId, ownRole }: { ownParticipantId: string | null; ownRole: string }) {
  const t = useT();
  const entries = usePresenceStore((s) => s.entries);
  const sorted = [...entries].sort((a, b) => Number(b.online) - Number(a.online) || a.name.localeCompare(b.name));
  return (
    // Focusable so a keyboard can scroll a long list of people (it holds nothing else to focus).
    <aside className="presence" aria-labelledby="presence-heading" tabIndex={0}>
      <h2 id="presence-heading">
        {t.presenceHeading} <span className="muted">({entries.filter((e) => e.online).length})</span>
      </h2>
      {sorted.length === 0 ? (
        <p className="muted small">{t.presenceEmpty}</p>
      ) : (
        <ul data-testid="presence-list">
          {sorted.map((entry) => {
            const isMe =
              entry.participantId !== null
                ? entry.participantId === ownParticipantId
                : entry.role === ownRole && ownParticipantId === null;
            return (
              <li
                key={`${entry.role}:${entry.participantId ?? entry.name}`}
                className={entry.online ? 'presence-item online' : 'presence-item'}
                data-testid="presence-item"
                data-online={entry.online}
              >
                <span className="dot" aria-label={entry.online ? t.presenceOnline : t.presenceOffline} role="img" />
                {/* Host and recipient carry a fixed label on the server; show it in the UI's language. */}
                <span className="presence-name">
                  {entry.role === 'participant' ? entry.name : t.roleTitles[entry.role]}
                </span>
                {isMe && <span className="muted small">{t.presenceYou}</span>}
              </li>
            );
          })}
        </ul>
      )}
    </aside>
  );
}

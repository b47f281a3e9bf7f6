import type { ArchiveMovement } from '@casusbord/shared';
import { useT } from '../../i18n';

/** Issue 16: an archived session's from → to rows, most dots first, as the group left them. */
export function ArchiveMovements({ movements }: { movements: readonly ArchiveMovement[] }) {
  const t = useT();
  return (
    <>
      <h4>{t.fromTo.heading}</h4>
      <ul className="archive-advice archive-movements" data-testid="entry-movements">
        {movements.map((m) => (
          <li key={m.id}>
            <span className="visually-hidden">{t.fromTo.from}: </span>
            {m.from} <span aria-hidden="true">→</span>
            <span className="visually-hidden">{t.fromTo.to}: </span> {m.to}{' '}
            <span className="badge dots-badge" aria-label={t.archive.dots(m.dots)}>
              <span aria-hidden="true">● </span>
              {m.dots}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

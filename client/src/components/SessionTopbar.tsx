import type { SessionView } from '@casusbord/shared';
import type { ReactNode } from 'react';
import { useT } from '../i18n';
import { Link } from './Link';

/** The bar above a session's pages: the brand (home), the session's title and city, and the page's actions. */
export function SessionTopbar({
  view,
  badge,
  titleTestId,
  children,
}: {
  view: SessionView | null;
  /** Shown before the title, e.g. "Host view". */
  badge?: ReactNode;
  titleTestId?: string;
  /** The actions at the end of the bar. */
  children: ReactNode;
}) {
  const t = useT();
  return (
    <div className="board-topbar">
      <Link href="/" className="brand small">
        {t.appName}
      </Link>
      <div className="board-title">
        {badge}
        <h1 data-testid={titleTestId}>{view ? view.title : t.loading}</h1>
        {view && <span className="city">{view.city}</span>}
      </div>
      <div className="topbar-actions">{children}</div>
    </div>
  );
}

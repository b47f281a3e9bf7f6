import type { ReactNode } from 'react';
import { useT } from '../i18n';
import { Link } from './Link';

/**
 * A banner above the page's content: what happened in a sentence and at most one way on
 * (`action`). `role="alert"` is read out at once; `status` waits for a pause.
 */
export function Notice({
  tone,
  role = 'alert',
  testId,
  action,
  children,
}: {
  tone?: 'error';
  role?: 'alert' | 'status';
  testId?: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className={tone ? `notice ${tone}` : 'notice'} role={role} data-testid={testId}>
      <p>{children}</p>
      {action}
    </div>
  );
}

/** The way on when nothing on this page can be done any more: back to the home page. */
export function BackHome() {
  const t = useT();
  return (
    <Link href="/" className="button small">
      {t.backHome}
    </Link>
  );
}

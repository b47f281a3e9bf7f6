import type { RoundStatus } from '@casusbord/shared';

/** Running / paused / … as a coloured badge; `label` is the status in the screen's language. */
export function RoundStatusBadge({ status, label, testId }: { status: RoundStatus; label: string; testId: string }) {
  return (
    <span className={`status-badge host-status-${status}`} data-testid={testId} data-status={status}>
      {label}
    </span>
  );
}

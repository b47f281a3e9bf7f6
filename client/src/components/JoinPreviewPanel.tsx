import type { JoinPreview } from '@casusbord/shared';
import { useEffect, useState } from 'react';
import { useT } from '../i18n';
import { fetchJoinPreview } from '../net/api';
import { memberKeys } from '../net/buddyApi';
import { useUiStore } from '../stores/uiStore';

/** Codes are 6 characters once spaces and dashes are dropped; shorter input is still being typed. */
const CODE_LENGTH = 6;

/**
 * Before the name is typed: the case, the round running now and, in one sentence, what a
 * participant does in it; for a community member, whether their buddy (or newcomer) is already
 * there (issue 16: the member keys of this browser go with the request). Shown for a complete,
 * valid code; nothing while typing or for a wrong code (the join itself says what is wrong).
 */
export function JoinPreviewPanel({ code }: { code: string }) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  // Kept with the code it belongs to, so an edited code never shows the previous case.
  const [loaded, setLoaded] = useState<{ code: string; preview: JoinPreview } | null>(null);
  const normalized = code.toUpperCase().replace(/[\s-]/g, '');

  useEffect(() => {
    if (normalized.length !== CODE_LENGTH) return;
    let live = true;
    fetchJoinPreview(normalized, memberKeys()).then(
      (preview) => live && setLoaded({ code: normalized, preview }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [normalized]);

  const preview = loaded?.code === normalized ? loaded.preview : null;
  if (!preview) return null;
  const p = t.joinPreview;
  const round = preview.round;
  let now: string | null = null;
  if (preview.locked) now = p.locked;
  else if (round?.status === 'idle') now = p.notStarted(round.title[locale]);
  else if (round?.status === 'finished') now = p.finished;
  else if (round) now = p.now(round.index + 1, round.count, round.title[locale]);
  const showTask = round && !preview.locked && (round.status === 'running' || round.status === 'paused');
  return (
    <section className="join-preview" aria-labelledby="join-preview-heading" data-testid="join-preview">
      <h3 id="join-preview-heading">{p.heading}</h3>
      <p className="join-preview-case">{p.case(preview.title, preview.city)}</p>
      {preview.caseHolderName && <p className="muted">{p.caseHolder(preview.caseHolderName)}</p>}
      {now && <p data-testid="join-preview-round">{now}</p>}
      {showTask && (
        <p data-testid="join-preview-task">
          <strong>{p.expected}</strong> {round.instruction[locale]}
        </p>
      )}
      {preview.buddies?.map((b) => (
        <p key={`${b.relation}:${b.name}`} className="notice" role="status" data-testid="join-preview-buddy">
          {b.relation === 'buddy' ? t.buddies.beforeJoinBuddy(b.name) : t.buddies.beforeJoinNewcomer(b.name)}
        </p>
      ))}
    </section>
  );
}

import type { CommunityPin, MeResponse, MemberView } from '@casusbord/shared';
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { describeError } from '../../i18n/errors';
import {
  fetchMe,
  fetchMembers,
  introduce,
  loadMember,
  pairBuddy,
  setPin,
  unpairBuddy,
  type StoredMember,
} from '../../net/buddyApi';
import { uiStore } from '../../stores/uiStore';
import { Field } from '../Field';
import { ReviewSummary } from '../board/ReviewSummary';
import '../../styles/bookClub.css';

const toast = (message: string) => uiStore.getState().pushToast({ message, timeoutMs: 3000 });
const same = (a: CommunityPin, b: CommunityPin) =>
  a.kind === b.kind && a.sessionId === b.sessionId && a.itemId === b.itemId;

export interface Buddy {
  identity: StoredMember | null;
  me: MeResponse | null;
  introduce(name: string): Promise<void>;
  isPinned(pin: CommunityPin): boolean;
  togglePin(pin: CommunityPin): Promise<void>;
}

/** Who this browser is in the community (issue 16) and what their buddy recommends. */
export function useBuddy(communityId: string, token: string): Buddy {
  const t = useT();
  const [identity, setIdentity] = useState(() => loadMember(communityId));
  const [me, setMe] = useState<MeResponse | null>(null);
  useEffect(() => {
    if (!identity || !token) return;
    let cancelled = false;
    fetchMe(communityId, token, identity.memberKey).then(
      (res) => !cancelled && setMe(res),
      (err: unknown) => !cancelled && toast(describeError(t, err)),
    );
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `t` only words the error
  }, [communityId, token, identity]);
  return {
    identity,
    me,
    introduce: async (name) => setIdentity(await introduce(communityId, token, name)),
    isPinned: (pin) => Boolean(me?.pins.some((p) => same(p, pin))),
    togglePin: async (pin) => {
      if (!identity || !me) return;
      const pinned = !me.pins.some((p) => same(p, pin));
      try {
        const res = await setPin(communityId, token, identity.memberKey, pin, pinned);
        setMe({ ...me, pins: res.pins });
        toast(pinned ? t.buddies.pinned : t.buddies.unpinned);
      } catch (err) {
        toast(describeError(t, err));
      }
    },
  };
}

/** Pins (or unpins) an advice or reading for this member's newcomer. */
export function PinButton({ buddy, pin, text }: { buddy: Buddy; pin: CommunityPin; text: string }) {
  const t = useT();
  if (!buddy.me) return null;
  const pinned = buddy.isPinned(pin);
  return (
    <button
      type="button"
      className="button small"
      aria-pressed={pinned}
      aria-label={pinned ? t.buddies.unpinLabel(text) : t.buddies.pinLabel(text)}
      data-testid="pin-button"
      onClick={() => void buddy.togglePin(pin)}
    >
      {pinned ? t.buddies.unpin : t.buddies.pin}
    </button>
  );
}

/** "Wat je buddy aanraadt": the newcomer's archive opens here (focused on arrival). */
export function BuddyRecommends({ me }: { me: MeResponse }) {
  const t = useT();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'start' });
    ref.current?.focus();
  }, []);
  if (!me.buddy) return null;
  return (
    <section
      ref={ref}
      tabIndex={-1}
      className="panel buddy-recommends"
      aria-labelledby="buddy-recommends-heading"
      data-testid="buddy-recommends"
    >
      <h2 id="buddy-recommends-heading">{t.buddies.recommends}</h2>
      <p className="muted small">{t.buddies.recommendsIntro(me.buddy.name)}</p>
      {me.buddyPins.length === 0 ? (
        <p className="muted small">{t.buddies.recommendsEmpty}</p>
      ) : (
        <ul className="reading-list">
          {me.buddyPins.map((p) => (
            <li
              key={`${p.kind}-${p.sessionId}-${p.itemId}`}
              className={`reading verdict-${p.reading?.verdict ?? 'useful'}`}
              data-testid="buddy-pin"
            >
              <span className="badge">{p.kind === 'advice' ? t.buddies.advice : t.buddies.reading}</span>{' '}
              {p.reading ? <ReviewSummary review={p.reading} /> : <strong>{p.text}</strong>}
              <p className="muted small">{t.buddies.fromSession(p.sessionTitle, p.city)}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Introducing oneself, who one's buddy is, and (facilitator key) pairing newcomers with buddies. */
export function BuddyPanel({
  communityId,
  token,
  facilitator,
  buddy,
}: {
  communityId: string;
  token: string;
  facilitator: boolean;
  buddy: Buddy;
}) {
  const t = useT();
  const uid = useId();
  const [name, setName] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    try {
      await buddy.introduce(name.trim());
    } catch (err) {
      toast(describeError(t, err));
    }
  };
  const me = buddy.me;
  return (
    <section className="panel buddy-panel" aria-labelledby={`${uid}-heading`} data-testid="buddy-panel">
      <h2 id={`${uid}-heading`}>{t.buddies.heading}</h2>
      {!buddy.identity ? (
        <form onSubmit={submit} data-testid="introduce-form">
          <p className="muted small">{t.buddies.introduceHint}</p>
          <Field label={t.buddies.nameLabel}>
            <input value={name} maxLength={60} onChange={(e) => setName(e.target.value)} data-testid="introduce-name" />
          </Field>
          <button type="submit" className="button small primary" data-testid="introduce-submit">
            {t.buddies.introduceSubmit}
          </button>
        </form>
      ) : (
        me && (
          <p data-testid="buddy-me">
            {t.buddies.youAre(me.member.name)} {me.buddy && t.buddies.yourBuddy(me.buddy.name)}{' '}
            {me.newcomers.length > 0 && t.buddies.youAreBuddyOf(me.newcomers.map((n) => n.name).join(', '))}
          </p>
        )
      )}
      {facilitator && <PairingForm communityId={communityId} token={token} />}
    </section>
  );
}

function PairingForm({ communityId, token }: { communityId: string; token: string }) {
  const t = useT();
  const [members, setMembers] = useState<MemberView[] | null>(null);
  const [newcomer, setNewcomer] = useState('');
  const [buddyId, setBuddyId] = useState('');
  const load = useCallback(
    () =>
      fetchMembers(communityId, token).then(
        (res) => setMembers(res.members),
        (err: unknown) => toast(String(err)),
      ),
    [communityId, token],
  );
  useEffect(() => void load(), [load]);
  if (!members) return null;
  const nameOf = (id: string | null) => members.find((m) => m.memberId === id)?.name ?? '';
  const pair = async (event: FormEvent) => {
    event.preventDefault();
    if (!newcomer || !buddyId) return;
    try {
      setMembers((await pairBuddy(communityId, token, newcomer, buddyId)).members);
      toast(t.buddies.paired(nameOf(newcomer), nameOf(buddyId)));
    } catch (err) {
      toast(describeError(t, err));
    }
  };
  const pairs = members.filter((m) => m.buddyId);
  return (
    <form className="pairing" onSubmit={pair} data-testid="pairing-form">
      <h3>{t.buddies.pairLegend}</h3>
      {members.length === 0 ? (
        <p className="muted small">{t.buddies.membersEmpty}</p>
      ) : (
        <div className="review-grid">
          {(
            [
              [t.buddies.newcomerLabel, newcomer, setNewcomer, 'pair-newcomer'],
              [t.buddies.buddyLabel, buddyId, setBuddyId, 'pair-buddy'],
            ] as const
          ).map(([label, value, set, testId]) => (
            <Field key={testId} label={label}>
              <select value={value} onChange={(e) => set(e.target.value)} data-testid={testId}>
                <option value="">{t.buddies.choose}</option>
                {members.map((m) => (
                  <option key={m.memberId} value={m.memberId}>
                    {m.name}
                  </option>
                ))}
              </select>
            </Field>
          ))}
        </div>
      )}
      <button type="submit" className="button small primary" data-testid="pair-submit">
        {t.buddies.pairSubmit}
      </button>
      <h3>{t.buddies.pairs}</h3>
      {pairs.length === 0 ? (
        <p className="muted small">{t.buddies.pairsEmpty}</p>
      ) : (
        <ul data-testid="pairs">
          {pairs.map((m) => (
            <li key={m.memberId} data-testid="pair">
              {t.buddies.pairLine(m.name, nameOf(m.buddyId))}{' '}
              <button
                type="button"
                className="button small"
                aria-label={t.buddies.unpairLabel(m.name)}
                onClick={() =>
                  void unpairBuddy(communityId, token, m.memberId).then(load, (err: unknown) =>
                    toast(describeError(t, err)),
                  )
                }
              >
                {t.buddies.unpair}
              </button>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}

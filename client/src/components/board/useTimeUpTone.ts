import { clockCue, timeLeftMs, type ClockCue, type RoundState } from '@casusbord/shared';
import { useCallback, useEffect, useRef } from 'react';
import { useServerNow } from '../../hooks/useServerNow';
import { soundStore, useSoundStore, type Listener } from '../../stores/soundStore';

/** Length of one beep, s. The tone at zero is two beeps a fifth apart; a tick is one short, soft one. */
const BEEP_S = 0.18;
const TICK_S = 0.06;

/**
 * The page's one AudioContext. Browsers let a page make sound only after the person interacted
 * with it, so it is created (or resumed) only inside a click or key press: never at load, never
 * from a timer. Null until then, and where there is no Web Audio.
 */
let context: AudioContext | null = null;

/** Call only from a user gesture's handler. */
function contextInGesture(): AudioContext | null {
  if (!context && typeof AudioContext !== 'undefined') {
    try {
      context = new AudioContext();
    } catch {
      context = null;
    }
  }
  void context?.resume().catch(() => undefined);
  return context;
}

function beep(ctx: AudioContext, at: number, frequency: number, length: number, volume: number): void {
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.frequency.value = frequency;
  gain.gain.setValueAtTime(0.0001, ctx.currentTime + at);
  gain.gain.exponentialRampToValueAtTime(volume, ctx.currentTime + at + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + at + length);
  osc.connect(gain).connect(ctx.destination);
  osc.start(ctx.currentTime + at);
  osc.stop(ctx.currentTime + at + length + 0.02);
}

/**
 * The clock's sound for this person (`who`): on by default for the facilitator, off for
 * participants, their own choice remembered on the device (soundStore). With the sound on, the
 * page waits for the person's first click or key press to create its AudioContext; the toggle's
 * own click counts.
 */
export function useTimeUpTone(who: Listener): { enabled: boolean; toggle: () => void; play: (cue: ClockCue) => void } {
  const enabled = useSoundStore((s) => s.on[who]);

  useEffect(() => {
    if (!enabled || context) return;
    const arm = () => {
      contextInGesture();
      window.removeEventListener('pointerdown', arm, true);
      window.removeEventListener('keydown', arm, true);
    };
    window.addEventListener('pointerdown', arm, true);
    window.addEventListener('keydown', arm, true);
    return () => {
      window.removeEventListener('pointerdown', arm, true);
      window.removeEventListener('keydown', arm, true);
    };
  }, [enabled]);

  const toggle = useCallback(() => {
    const next = !soundStore.getState().on[who];
    // Without Web Audio the toggle stays off rather than promising a sound that never comes.
    soundStore.getState().setOn(who, next && contextInGesture() !== null);
  }, [who]);

  const play = useCallback(
    (cue: ClockCue) => {
      const ctx = context;
      if (!ctx || !soundStore.getState().on[who]) return;
      void ctx.resume().catch(() => undefined);
      if (cue === 'tick') beep(ctx, 0, 880, TICK_S, 0.06);
      else [660, 990].forEach((frequency, i) => beep(ctx, i * BEEP_S * 1.6, frequency, BEEP_S, 0.25));
    },
    [who],
  );

  return { enabled, toggle, play };
}

/**
 * Plays the clock's cues (clockCue) for these rounds as the server's clock runs: a tick in each of
 * the last ten seconds, the tone at zero. Several tables at one moment sound once.
 */
export function useClockCues(rounds: readonly RoundState[], play: (cue: ClockCue) => void): void {
  const now = useServerNow(250);
  const previous = useRef<(number | null)[]>([]);
  useEffect(() => {
    const lefts = rounds.map((round) => (round.status === 'running' ? timeLeftMs(round, now) : null));
    const cues = lefts.map((left, i) => clockCue(previous.current[i] ?? null, left));
    previous.current = lefts;
    if (cues.includes('zero')) play('zero');
    else if (cues.includes('tick')) play('tick');
  }, [now, rounds, play]);
}

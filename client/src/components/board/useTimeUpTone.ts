import { useCallback, useEffect, useRef, useState } from 'react';

/** Length of the time-up tone, s; two short beeps a fifth apart. */
const BEEP_S = 0.18;

/**
 * An optional time-up tone, off by default. The AudioContext is created only in the click that
 * turns the sound on (a user gesture), so browsers' autoplay rules never block or warn.
 */
export function useTimeUpTone(): { enabled: boolean; toggle: () => void; play: () => void } {
  const ctxRef = useRef<AudioContext | null>(null);
  const [enabled, setEnabled] = useState(false);

  const toggle = useCallback(() => {
    if (!enabled && !ctxRef.current && typeof AudioContext !== 'undefined') {
      try {
        ctxRef.current = new AudioContext();
      } catch {
        ctxRef.current = null;
      }
    }
    // Without Web Audio the toggle stays off rather than promising a sound that never comes.
    setEnabled(!enabled && ctxRef.current !== null);
  }, [enabled]);

  const play = useCallback(() => {
    const ctx = ctxRef.current;
    if (!ctx) return;
    void ctx.resume().catch(() => undefined);
    [0, BEEP_S * 1.6].forEach((offset, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = i === 0 ? 660 : 990;
      gain.gain.setValueAtTime(0.0001, ctx.currentTime + offset);
      gain.gain.exponentialRampToValueAtTime(0.25, ctx.currentTime + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + offset + BEEP_S);
      osc.connect(gain).connect(ctx.destination);
      osc.start(ctx.currentTime + offset);
      osc.stop(ctx.currentTime + offset + BEEP_S + 0.02);
    });
  }, []);

  useEffect(
    () => () => {
      void ctxRef.current?.close().catch(() => undefined);
      ctxRef.current = null;
    },
    [],
  );

  return { enabled, toggle, play };
}

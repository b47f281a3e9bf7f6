import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/**
 * Who hears the clock on this device: the facilitator (host view, beamer, the host's board) or a
 * participant. The sound is on by default for the facilitator, who runs the room, and off for
 * participants, whose laptops sit side by side; each person's own choice is kept on the device.
 */
export type Listener = 'facilitator' | 'participant';

export interface SoundState {
  on: Record<Listener, boolean>;
  setOn: (who: Listener, on: boolean) => void;
}

export const soundKey = (who: Listener) => `casusbord:sound:${who}`;

/** The person's stored choice ('on' / 'off'), else the default for their role. */
export function storedSound(who: Listener, storage: Storage | null): boolean {
  try {
    const value = storage?.getItem(soundKey(who));
    if (value === 'on' || value === 'off') return value === 'on';
  } catch {
    // Storage disabled: the default below.
  }
  return who === 'facilitator';
}

export function createSoundStore(storage: Storage | null = typeof localStorage === 'undefined' ? null : localStorage) {
  return createStore<SoundState>()((set) => ({
    on: { facilitator: storedSound('facilitator', storage), participant: storedSound('participant', storage) },
    setOn: (who, on) => {
      try {
        storage?.setItem(soundKey(who), on ? 'on' : 'off');
      } catch {
        // Not remembered (private mode): the choice holds until the tab closes.
      }
      set((s) => ({ on: { ...s.on, [who]: on } }));
    },
  }));
}

export type SoundStore = ReturnType<typeof createSoundStore>;

export const soundStore = createSoundStore();

export function useSoundStore<T>(selector: (state: SoundState) => T): T {
  return useStore(soundStore, selector);
}

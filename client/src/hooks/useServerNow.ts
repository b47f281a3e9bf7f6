import { useEffect, useState } from 'react';
import { useRoundStore } from '../stores/roundStore';

/** Server time in ms (local clock corrected by the skew of the last session:state), ticking every `intervalMs`. */
export function useServerNow(intervalMs = 250): number {
  const skew = useRoundStore((s) => s.skewMs);
  const [localNow, setLocalNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setLocalNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return localNow + skew;
}

import { useState } from 'react';
import { shallow } from 'zustand/shallow';

/**
 * `value` while one of its fields differs from the last render's, else the last render's object:
 * a context value (or any object of props) that keeps its identity until a field changes, without
 * listing the fields a second time as memo dependencies. A change costs one extra run of the
 * calling component's body (state adjusted during render), never an extra render of its children.
 */
export function useShallowStable<T extends object>(value: T): T {
  const [kept, setKept] = useState(value);
  if (kept === value || shallow(kept, value)) return kept;
  setKept(value);
  return value;
}

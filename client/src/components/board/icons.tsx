/*
 * Small inline icons: emoji render as empty boxes on machines without an emoji font (such as
 * many projector laptops), so the board draws its few symbols itself. Decorative: aria-hidden.
 */

const common = {
  viewBox: '0 0 16 16',
  width: 14,
  height: 14,
  'aria-hidden': true,
  focusable: false,
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.5,
  strokeLinecap: 'round' as const,
  strokeLinejoin: 'round' as const,
  className: 'icon',
};

export function LockIcon() {
  return (
    <svg {...common}>
      <rect x="3" y="7" width="10" height="7" rx="1.5" />
      <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
    </svg>
  );
}

export function BellIcon({ off = false }: { off?: boolean }) {
  return (
    <svg {...common}>
      <path d="M4 11.5V7.5a4 4 0 0 1 8 0v4l1 1H3z" />
      <path d="M6.5 14a1.5 1.5 0 0 0 3 0" />
      {off && <path d="M2 2l12 12" />}
    </svg>
  );
}

export function CheckIcon() {
  return (
    <svg {...common}>
      <path d="M3 8.5l3 3 7-7" />
    </svg>
  );
}

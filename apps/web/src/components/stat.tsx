import type { ReactNode } from 'react';

/** One figure of a `stat-grid` (a <dl>): a small label over a large value. */
export function Stat({
  label,
  isAlarming = false,
  children,
}: {
  label: string;
  isAlarming?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={isAlarming ? 'stat stat--danger' : 'stat'}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

import type { ReactNode } from 'react';

/** One label and value of a `description-list`; an absent value reads as a dash. */
export function Term({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="description-list__item">
      <dt>{label}</dt>
      <dd>{children ?? '—'}</dd>
    </div>
  );
}

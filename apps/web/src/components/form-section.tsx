import type { ReactNode } from 'react';

/** A card of the customer form: a titled section that screen readers name by its heading. */
export function FormSection({
  headingId,
  title,
  children,
}: {
  headingId: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <section className="card form-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {title}
      </h2>
      {children}
    </section>
  );
}

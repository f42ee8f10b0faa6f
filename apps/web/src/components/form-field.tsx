import type { ReactNode } from 'react';

export function errorIdOf(id: string): string {
  return `${id}-error`;
}

/** The attributes that tie an input to its label's field: its id, invalid state and error text. */
export function fieldA11y(id: string, error: string | undefined) {
  return {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorIdOf(id) : undefined,
  } as const;
}

export function FormField({
  id,
  label,
  error,
  hint,
  isRequired = false,
  className,
  children,
}: {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  isRequired?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>
        {label}
        {isRequired && (
          <span className="field__required" aria-hidden="true">
            *
          </span>
        )}
      </label>
      {children}
      {hint && !error && <p className="field__hint">{hint}</p>}
      {error && (
        <p id={errorIdOf(id)} className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

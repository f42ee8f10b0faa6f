import { type RefObject, useEffect, useRef } from 'react';

/**
 * For a popover: while it is open, a press outside the element the returned ref is given, or the Escape
 * key, closes it. `setIsOpen` should be a state setter, which React keeps stable.
 */
export function useDismiss<T extends HTMLElement>(
  isOpen: boolean,
  setIsOpen: (isOpen: boolean) => void,
): RefObject<T | null> {
  const rootRef = useRef<T>(null);
  useEffect(() => {
    if (!isOpen) return;
    const closeOnOutside = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setIsOpen(false);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setIsOpen(false);
    };
    document.addEventListener('pointerdown', closeOnOutside);
    document.addEventListener('keydown', closeOnEscape);
    return () => {
      document.removeEventListener('pointerdown', closeOnOutside);
      document.removeEventListener('keydown', closeOnEscape);
    };
  }, [isOpen, setIsOpen]);
  return rootRef;
}

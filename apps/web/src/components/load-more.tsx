import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

type TPagedQuery = {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
};

/**
 * The button under a cursor-paged list. With `isAutomatic` the next page also loads when the button
 * scrolls into view (infinite scroll); the button stays for keyboards and browsers without an observer.
 */
export function LoadMore({
  query,
  label,
  isAutomatic = false,
}: {
  query: TPagedQuery;
  label: string;
  isAutomatic?: boolean;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;

  useEffect(() => {
    const element = ref.current;
    if (!isAutomatic || !element || !hasNextPage || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [isAutomatic, hasNextPage, isFetchingNextPage, fetchNextPage]);

  if (!hasNextPage) return null;
  return (
    <div className="load-more" ref={ref}>
      <button
        type="button"
        className="button button--small"
        onClick={() => void fetchNextPage()}
        disabled={isFetchingNextPage}
      >
        {isFetchingNextPage ? t('common.loading') : label}
      </button>
    </div>
  );
}

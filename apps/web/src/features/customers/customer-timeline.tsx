import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LoadMore } from '../../components/load-more';
import { ToggleButtons } from '../../components/toggle-buttons';
import { useFormatters } from '../../lib/format';
import { type TTimelineEventType, useCustomerTimeline } from './queries';
import { TIMELINE_TYPES, timelineEntry, toggleTimelineType } from './timeline-format';

/** 时间线: orders, interactions, work-order events and profile changes in one list, newest first. */
export function CustomerTimeline({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [types, setTypes] = useState<TTimelineEventType[]>([]);
  const timeline = useCustomerTimeline(customerId, types);
  const events = timeline.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section className="card" aria-labelledby="timeline-heading">
      <div className="card__header">
        <h2 id="timeline-heading" className="card__title">
          {t('timeline.title')}
        </h2>
        <ToggleButtons
          label={t('timeline.filter')}
          options={TIMELINE_TYPES.map((value) => ({ value, label: t(`timeline.types.${value}`) }))}
          isPressed={(value) => types.includes(value)}
          onPress={(value) => setTypes((current) => toggleTimelineType(current, value))}
        />
      </div>
      {timeline.isPending && (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      )}
      {timeline.isError && (
        <p className="muted" role="status">
          {t('timeline.unavailable')}
        </p>
      )}
      {timeline.isSuccess && events.length === 0 && <p className="muted">{t('timeline.empty')}</p>}
      {events.length > 0 && (
        <ol className="history" aria-label={t('timeline.title')}>
          {events.map((event) => {
            const entry = timelineEntry(t, event, format.money);
            return (
              <li key={event.id} className="history__entry">
                <p className="history__headline">
                  <span className="badge badge--muted">{t(`timeline.types.${event.type}`)}</span>
                  <strong>
                    {entry.workOrderId ? (
                      <Link to={`/work-orders/${entry.workOrderId}`}>{entry.title}</Link>
                    ) : (
                      entry.title
                    )}
                  </strong>
                  <span className="muted">
                    {event.actor ? `${event.actor.displayName} · ` : ''}
                    <time dateTime={event.occurredAt}>{format.dateTime(event.occurredAt)}</time>
                  </span>
                </p>
                {entry.detail && <p className="notes">{entry.detail}</p>}
              </li>
            );
          })}
        </ol>
      )}
      <LoadMore query={timeline} label={t('timeline.loadMore')} isAutomatic />
    </section>
  );
}

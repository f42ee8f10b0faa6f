import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useFormatters } from '../../lib/format';
import { useDismiss } from '../../lib/use-dismiss';
import { notificationLabel, notificationPath } from './notification-format';
import { type TNotification, useMarkNotificationsRead, useNotifications } from './queries';

function NotificationItem({
  notification,
  onFollow,
  onMarkRead,
}: {
  notification: TNotification;
  onFollow: (notification: TNotification) => void;
  onMarkRead: (notification: TNotification) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const label = notificationLabel(t, notification);
  const path = notificationPath(notification);
  const isUnread = notification.readAt === null;
  return (
    <li className={`notifications__item${isUnread ? ' notifications__item--unread' : ''}`}>
      {path ? (
        <Link to={path} onClick={() => onFollow(notification)}>
          {label}
        </Link>
      ) : (
        <span>{label}</span>
      )}
      <span className="muted">
        <time dateTime={notification.createdAt}>{format.dateTime(notification.createdAt)}</time>
        {isUnread && <span className="visually-hidden">{t('notifications.unread')}</span>}
      </span>
      {isUnread && (
        <button
          type="button"
          className="button button--small button--ghost"
          aria-label={t('notifications.markReadNamed', { label })}
          onClick={() => onMarkRead(notification)}
        >
          {t('notifications.markRead')}
        </button>
      )}
    </li>
  );
}

/** The header's bell: unread reminders counted, the newest listed, read on opening one or all at once. */
export function NotificationBell() {
  const { t } = useTranslation();
  const notifications = useNotifications();
  const markRead = useMarkNotificationsRead();
  const [isOpen, setIsOpen] = useState(false);
  const panelId = useId();
  const rootRef = useDismiss<HTMLDivElement>(isOpen, setIsOpen);
  const unreadCount = notifications.data?.unreadCount ?? 0;
  const items = notifications.data?.items ?? [];

  const onMarkRead = (notification: TNotification) => markRead.mutate({ ids: [notification.id] });
  const onFollow = (notification: TNotification) => {
    setIsOpen(false);
    if (notification.readAt === null) onMarkRead(notification);
  };

  return (
    <div className="notifications" ref={rootRef}>
      <button
        type="button"
        className="notifications__trigger"
        aria-expanded={isOpen}
        aria-controls={panelId}
        aria-label={t('notifications.bell', { count: unreadCount })}
        onClick={() => setIsOpen((open) => !open)}
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
          />
        </svg>
        {unreadCount > 0 && (
          <span className="notifications__count" aria-hidden="true">
            {unreadCount > 99 ? '99+' : unreadCount}
          </span>
        )}
      </button>
      <section
        id={panelId}
        className="notifications__panel popover"
        hidden={!isOpen}
        aria-label={t('notifications.title')}
      >
        <div className="notifications__header">
          <h2 className="card__title">{t('notifications.title')}</h2>
          <button
            type="button"
            className="button button--small button--ghost"
            disabled={unreadCount === 0 || markRead.isPending}
            onClick={() => markRead.mutate({ all: true })}
          >
            {t('notifications.markAllRead')}
          </button>
        </div>
        {notifications.isError && (
          <p className="muted" role="status">
            {t('notifications.loadFailed')}
          </p>
        )}
        {notifications.isSuccess && items.length === 0 && <p className="muted">{t('notifications.empty')}</p>}
        {items.length > 0 && (
          <ul className="notifications__list">
            {items.map((notification) => (
              <NotificationItem
                key={notification.id}
                notification={notification}
                onFollow={onFollow}
                onMarkRead={onMarkRead}
              />
            ))}
          </ul>
        )}
        {markRead.isError && (
          <p className="field__error" role="alert">
            {t('errors.generic')}
          </p>
        )}
      </section>
    </div>
  );
}

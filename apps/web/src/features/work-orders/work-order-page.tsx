import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { FormField, fieldA11y } from '../../components/form-field';
import { isApiError } from '../../lib/api';
import { useFormatters } from '../../lib/format';
import { useCanCall } from '../auth/roles';
import { Term } from '../customers/description-term';
import { isOneOf } from '../customers/enums';
import { useUsers } from '../users/queries';
import {
  type TWorkOrder,
  useAssignWorkOrder,
  useCommentOnWorkOrder,
  useTransitionWorkOrder,
  useUpdateWorkOrder,
  useWorkOrder,
  useWorkOrderEvents,
  useWorkOrderSettings,
} from './queries';
import { WorkOrderAttachments } from './work-order-attachments';
import { SlaDue, WorkOrderStatusBadge } from './work-order-badges';
import { transitionLabelKey, WORK_ORDER_PRIORITIES, workOrderEventText } from './work-order-format';

/** A failed write as the person can act on it: a refused move, a stale copy, or a generic failure. */
function writeErrorText(t: ReturnType<typeof useTranslation>['t'], error: unknown): string {
  if (isApiError(error) && error.status === 409) return t('workOrders.errors.conflict');
  if (isApiError(error) && error.status === 412) return t('workOrders.errors.stale');
  return t('errors.generic');
}

function TransitionControls({ workOrder }: { workOrder: TWorkOrder }) {
  const { t } = useTranslation();
  const id = useId();
  const transition = useTransitionWorkOrder();
  const [comment, setComment] = useState('');
  if (workOrder.allowedTransitions.length === 0) return null;
  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="card__title">
        {t('workOrders.transitions.title')}
      </h2>
      <div className="form-stack">
        <FormField id={`${id}-comment`} label={t('workOrders.transitions.comment')}>
          <textarea
            id={`${id}-comment`}
            rows={2}
            maxLength={5000}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
          />
        </FormField>
        <div className="button-row">
          {workOrder.allowedTransitions.map((to) => (
            <button
              key={to}
              type="button"
              className="button"
              disabled={transition.isPending}
              onClick={() => {
                const sent = comment;
                // The success callback runs after the refetches; by then a new note may be being typed.
                transition.mutate(
                  { id: workOrder.id, to, comment: sent.trim() || null },
                  { onSuccess: () => setComment((current) => (current === sent ? '' : current)) },
                );
              }}
            >
              {t(transitionLabelKey(workOrder.status, to))}
            </button>
          ))}
        </div>
        {transition.isError && (
          <p className="field__error" role="alert">
            {writeErrorText(t, transition.error)}
          </p>
        )}
      </div>
    </section>
  );
}

const AUTO = '';

function AssignmentControls({ workOrder }: { workOrder: TWorkOrder }) {
  const { t } = useTranslation();
  const id = useId();
  const settings = useWorkOrderSettings(true);
  const users = useUsers();
  const assign = useAssignWorkOrder();
  const [queueId, setQueueId] = useState(workOrder.queue?.id ?? AUTO);
  const [assigneeId, setAssigneeId] = useState(workOrder.assignee?.id ?? AUTO);
  const queue = settings.data?.queues.find((item) => item.id === queueId);
  const members = (users.data ?? []).filter((user) => queue?.memberIds.includes(user.id));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    assign.mutate({
      id: workOrder.id,
      body:
        queueId === AUTO ? { auto: true } : { queueId, assigneeId: assigneeId === AUTO ? null : assigneeId },
    });
  };

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="card__title">
        {t('workOrders.assignment.title')}
      </h2>
      <form className="form-grid" onSubmit={onSubmit}>
        <FormField id={`${id}-queue`} label={t('workOrders.queue')}>
          <select
            id={`${id}-queue`}
            value={queueId}
            onChange={(event) => {
              setQueueId(event.target.value);
              setAssigneeId(AUTO);
            }}
          >
            <option value={AUTO}>{t('workOrders.assignment.auto')}</option>
            {settings.data?.queues.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id={`${id}-assignee`} label={t('workOrders.assignee')}>
          <select
            id={`${id}-assignee`}
            value={assigneeId}
            disabled={queueId === AUTO}
            onChange={(event) => setAssigneeId(event.target.value)}
          >
            <option value={AUTO}>{t('workOrders.assignment.byLoad')}</option>
            {members.map((user) => (
              <option key={user.id} value={user.id}>
                {user.displayName}
              </option>
            ))}
          </select>
        </FormField>
        <div className="form-actions form-grid__wide">
          <button type="submit" className="button" disabled={assign.isPending}>
            {t('workOrders.assignment.submit')}
          </button>
        </div>
        {assign.isError && (
          <p className="field__error form-grid__wide" role="alert">
            {writeErrorText(t, assign.error)}
          </p>
        )}
      </form>
    </section>
  );
}

function PriorityControl({ workOrder }: { workOrder: TWorkOrder }) {
  const { t } = useTranslation();
  const id = useId();
  const update = useUpdateWorkOrder();
  return (
    <FormField
      id={id}
      label={t('workOrders.priority')}
      error={update.isError ? writeErrorText(t, update.error) : undefined}
    >
      <select
        {...fieldA11y(id, update.isError ? 'error' : undefined)}
        value={workOrder.priority}
        disabled={update.isPending}
        onChange={(event) => {
          const priority = event.target.value;
          if (isOneOf(WORK_ORDER_PRIORITIES, priority)) update.mutate({ workOrder, body: { priority } });
        }}
      >
        {WORK_ORDER_PRIORITIES.map((priority) => (
          <option key={priority} value={priority}>
            {t(`enums.workOrderPriority.${priority}`)}
          </option>
        ))}
      </select>
    </FormField>
  );
}

function CommentForm({ workOrder }: { workOrder: TWorkOrder }) {
  const { t } = useTranslation();
  const id = useId();
  const comment = useCommentOnWorkOrder();
  const [body, setBody] = useState('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return;
    const sent = body;
    comment.mutate(
      { workOrder, body: sent.trim() },
      { onSuccess: () => setBody((current) => (current === sent ? '' : current)) },
    );
  };
  return (
    <form className="form-stack" onSubmit={onSubmit}>
      <FormField id={id} label={t('workOrders.comments.label')}>
        <textarea
          id={id}
          rows={3}
          maxLength={5000}
          value={body}
          onChange={(event) => setBody(event.target.value)}
        />
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={comment.isPending || !body.trim()}>
          {t('workOrders.comments.submit')}
        </button>
      </div>
      {comment.isError && (
        <p className="field__error" role="alert">
          {t('errors.generic')}
        </p>
      )}
    </form>
  );
}

function EventsCard({ workOrder }: { workOrder: TWorkOrder }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const events = useWorkOrderEvents(workOrder.id);
  const canComment = useCanCall('commentOnWorkOrder');
  return (
    <section className="card" aria-labelledby="work-order-events-heading">
      <h2 id="work-order-events-heading" className="card__title">
        {t('workOrders.events.title')}
      </h2>
      {events.isPending && (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      )}
      {events.isError && (
        <p className="muted" role="status">
          {t('workOrders.events.unavailable')}
        </p>
      )}
      {events.data && (
        <ol className="history">
          {events.data.map((event) => (
            <li key={event.id} className="history__entry">
              <p className="history__headline">
                <strong>
                  {workOrderEventText(t, { ...event, assigneeName: event.assignee?.displayName ?? null })}
                </strong>
                <span className="muted">
                  {event.actor?.displayName ?? t('workOrders.events.system')} ·{' '}
                  <time dateTime={event.occurredAt}>{format.dateTime(event.occurredAt)}</time>
                </span>
              </p>
              {event.comment && <p className="notes">{event.comment}</p>}
            </li>
          ))}
        </ol>
      )}
      {canComment && <CommentForm workOrder={workOrder} />}
    </section>
  );
}

export function WorkOrderPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const { workOrderId = '' } = useParams();
  const workOrder = useWorkOrder(workOrderId);
  const canTransition = useCanCall('transitionWorkOrder');
  const canAssign = useCanCall('assignWorkOrder');
  const canUpdate = useCanCall('updateWorkOrder');
  const canListAttachments = useCanCall('listWorkOrderAttachments');

  if (workOrder.isPending) {
    return (
      <p className="muted" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (workOrder.isError) {
    return (
      <div className="banner banner--error" role="alert">
        {isApiError(workOrder.error) && workOrder.error.status === 404
          ? t('workOrders.notFound')
          : t('workOrders.loadFailed')}
      </div>
    );
  }

  const record = workOrder.data;
  return (
    <div className="stack">
      <nav aria-label={t('shell.breadcrumb')} className="breadcrumb">
        <Link to="/work-orders">{t('workOrders.title')}</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">{record.number}</span>
      </nav>
      <section className="card" aria-labelledby="work-order-title">
        <div className="customer-header__badges">
          <span className="badge badge--muted">{record.number}</span>
          <WorkOrderStatusBadge status={record.status} />
          <span className="badge badge--muted">{t(`enums.workOrderCategory.${record.category}`)}</span>
        </div>
        <h1 id="work-order-title" className="customer-header__name">
          {record.title}
        </h1>
        {record.description && <p className="notes">{record.description}</p>}
        <dl className="description-list">
          <Term label={t('workOrders.customer')}>
            <Link to={`/customers/${record.customer.id}`}>{record.customer.displayName}</Link>
          </Term>
          <Term label={t('workOrders.order')}>{record.order?.orderNo}</Term>
          <Term label={t('workOrders.channel')}>{t(`enums.workOrderChannel.${record.channel}`)}</Term>
          {!canUpdate && (
            <Term label={t('workOrders.priority')}>{t(`enums.workOrderPriority.${record.priority}`)}</Term>
          )}
          <Term label={t('workOrders.queue')}>{record.queue?.name}</Term>
          <Term label={t('workOrders.assignee')}>{record.assignee?.displayName}</Term>
          <Term label={t('workOrders.sla.first_response')}>
            <SlaDue sla={record.sla} clock="first_response" />
          </Term>
          <Term label={t('workOrders.sla.resolution')}>
            <SlaDue sla={record.sla} clock="resolution" />
          </Term>
          <Term label={t('workOrders.createdBy')}>{record.createdBy?.displayName}</Term>
          <Term label={t('fields.createdAt')}>{format.dateTime(record.createdAt)}</Term>
          <Term label={t('workOrders.closedAt')}>{record.closedAt && format.dateTime(record.closedAt)}</Term>
        </dl>
        {canUpdate && <PriorityControl workOrder={record} />}
      </section>
      {canTransition && <TransitionControls workOrder={record} />}
      {canAssign && <AssignmentControls workOrder={record} />}
      {canListAttachments && <WorkOrderAttachments workOrder={record} />}
      <EventsCard workOrder={record} />
    </div>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LoadMore } from '../../components/load-more';
import { useFormatters } from '../../lib/format';
import { useSession } from '../auth/queries';
import { useCanCall } from '../auth/roles';
import { type TTask, useCompleteTask, useOpenTasks } from './queries';
import { TaskCreateForm } from './task-create-form';

function TaskRow({ task, isAssigneeShown }: { task: TTask; isAssigneeShown: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const complete = useCompleteTask();
  const isOverdue = task.dueAt !== null && new Date(task.dueAt).getTime() < Date.now();
  return (
    <tr>
      <th scope="row" data-label={t('tasks.task')}>
        <span>{t(`enums.taskKind.${task.kind}`)}</span>
        {task.customer ? (
          <Link to={`/customers/${task.customer.id}`} className="customer-link">
            {task.customer.displayName}
          </Link>
        ) : (
          <span className="muted">{t('tasks.noCustomer')}</span>
        )}
        {task.recurrence !== 'none' && (
          <span className="badge badge--muted">{t(`enums.taskRecurrence.${task.recurrence}`)}</span>
        )}
        {task.note && <span className="task-note">{task.note}</span>}
      </th>
      <td data-label={t('tasks.workOrder')}>
        {task.workOrder ? <Link to={`/work-orders/${task.workOrder.id}`}>{task.workOrder.number}</Link> : '—'}
      </td>
      <td data-label={t('tasks.dueAt')} className="nowrap">
        <span>
          {task.dueAt ? format.dateTime(task.dueAt) : '—'}
          {isOverdue && <span className="badge badge--danger badge--inline">{t('tasks.overdue')}</span>}
        </span>
      </td>
      {isAssigneeShown && <td data-label={t('tasks.assignee')}>{task.assignee?.displayName ?? '—'}</td>}
      <td className="data-table__actions">
        <button
          type="button"
          className="button button--small button--primary"
          disabled={complete.isPending}
          aria-label={t('tasks.completeNamed', {
            name: task.customer?.displayName ?? t(`enums.taskKind.${task.kind}`),
          })}
          onClick={() => complete.mutate(task.id)}
        >
          {t('tasks.complete')}
        </button>
        {complete.isError && (
          <p className="field__error" role="alert">
            {t('errors.generic')}
          </p>
        )}
      </td>
    </tr>
  );
}

export function TasksPage() {
  const { t } = useTranslation();
  const session = useSession();
  const tasks = useOpenTasks();
  const items = tasks.data?.pages.flatMap((page) => page.items);
  // Admins are shown everyone's tasks, so for them the assignee matters.
  const isAssigneeShown = session.data?.user.roles.includes('admin') ?? false;
  const canCreate = useCanCall('createTask');
  const [isCreating, setIsCreating] = useState(false);
  return (
    <div className="stack">
      <div className="page-header">
        <h1>{t('tasks.title')}</h1>
        {canCreate && !isCreating && (
          <button type="button" className="button button--primary" onClick={() => setIsCreating(true)}>
            {t('tasks.create.open')}
          </button>
        )}
      </div>
      <p className="muted page-intro">{t('tasks.intro')}</p>
      {isCreating && <TaskCreateForm onDone={() => setIsCreating(false)} />}
      {tasks.isError && (
        <div className="banner banner--error" role="alert">
          {t('tasks.loadFailed')}{' '}
          <button type="button" className="button button--small" onClick={() => void tasks.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {tasks.isPending ? (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      ) : items?.length === 0 ? (
        <div className="empty-state">
          <p>{t('tasks.empty')}</p>
        </div>
      ) : (
        items && (
          <div className="card card--flush">
            <table className="data-table">
              <caption className="visually-hidden">{t('tasks.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('tasks.task')}</th>
                  <th scope="col">{t('tasks.workOrder')}</th>
                  <th scope="col">{t('tasks.dueAt')}</th>
                  {isAssigneeShown && <th scope="col">{t('tasks.assignee')}</th>}
                  <th scope="col">
                    <span className="visually-hidden">{t('tasks.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((task) => (
                  <TaskRow key={task.id} task={task} isAssigneeShown={isAssigneeShown} />
                ))}
              </tbody>
            </table>
          </div>
        )
      )}
      <LoadMore query={tasks} label={t('customers.loadMore')} />
    </div>
  );
}

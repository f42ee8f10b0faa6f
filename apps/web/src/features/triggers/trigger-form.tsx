import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { FormActions } from '../../components/form-actions';
import { FormField, fieldA11y } from '../../components/form-field';
import { FormPage, useRefetchOnConflict } from '../../components/form-page';
import { FormSection } from '../../components/form-section';
import { RecordLoadError } from '../../components/record-load-error';
import { ToggleButtons } from '../../components/toggle-buttons';
import { isApiError } from '../../lib/api';
import { moveItem } from '../../lib/move-item';
import { translateValidationMessage } from '../../lib/validation-messages';
import { isOneOf, LIFECYCLE_STAGES } from '../customers/enums';
import { useSegments } from '../segments/queries';
import { WORK_ORDER_CATEGORIES, WORK_ORDER_PRIORITIES } from '../work-orders/work-order-format';
import { useCreateTrigger, useTrigger, useUpdateTrigger } from './queries';
import {
  FIRES_ON,
  MAX_ACTIONS,
  newActionValues,
  type TActionValues,
  TASK_KINDS,
  type TFormProblem,
  TRIGGER_ACTION_TYPES,
  type TTrigger,
  type TTriggerFormValues,
  type TTriggerInput,
  triggerFormValuesOf,
  triggerInputOf,
} from './trigger-values';

type TErrorAt = (path: string) => string | undefined;

/** A select over one of the shared enums, each option labelled in the UI language. */
function EnumSelect<T extends string>({
  id,
  label,
  values,
  optionLabel,
  value,
  onChange,
}: {
  id: string;
  label: string;
  values: readonly T[];
  optionLabel: (value: T) => string;
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <FormField id={id} label={label}>
      <select
        id={id}
        value={value}
        onChange={(event) => {
          if (isOneOf(values, event.target.value)) onChange(event.target.value);
        }}
      >
        {values.map((item) => (
          <option key={item} value={item}>
            {optionLabel(item)}
          </option>
        ))}
      </select>
    </FormField>
  );
}

/** The inputs of one action's type; the other types' fields are kept but not shown. */
function ActionFields({
  id,
  action,
  path,
  errorAt,
  onChange,
}: {
  id: string;
  action: TActionValues;
  path: string;
  errorAt: TErrorAt;
  onChange: (change: Partial<TActionValues>) => void;
}) {
  const { t } = useTranslation();
  const text = (
    name: 'dueInDays' | 'note' | 'tag' | 'title',
    options: { maxLength?: number; isNumber?: boolean },
  ) => {
    const inputId = `${id}-${name}`;
    const error = errorAt(`${path}/${name}`);
    return (
      <FormField
        id={inputId}
        label={t(`triggers.action.${name}`)}
        error={error}
        isRequired={name !== 'note'}
        className={name === 'note' || name === 'title' ? 'rule-condition__wide' : undefined}
      >
        <input
          {...fieldA11y(inputId, error)}
          type={options.isNumber ? 'number' : 'text'}
          inputMode={options.isNumber ? 'numeric' : undefined}
          min={options.isNumber ? 0 : undefined}
          max={options.isNumber ? 365 : undefined}
          maxLength={options.maxLength}
          value={action[name]}
          onChange={(event) => onChange({ [name]: event.target.value })}
        />
      </FormField>
    );
  };
  switch (action.type) {
    case 'create_task':
      return (
        <>
          <EnumSelect
            id={`${id}-taskKind`}
            label={t('triggers.action.taskKind')}
            values={TASK_KINDS}
            optionLabel={(item) => t(`enums.taskKind.${item}`)}
            value={action.taskKind}
            onChange={(taskKind) => onChange({ taskKind })}
          />
          {text('dueInDays', { isNumber: true })}
          {text('note', { maxLength: 500 })}
        </>
      );
    case 'add_tag':
    case 'remove_tag':
      return text('tag', { maxLength: 40 });
    case 'open_work_order':
      return (
        <>
          <EnumSelect
            id={`${id}-category`}
            label={t('triggers.action.category')}
            values={WORK_ORDER_CATEGORIES}
            optionLabel={(item) => t(`enums.workOrderCategory.${item}`)}
            value={action.category}
            onChange={(category) => onChange({ category })}
          />
          <EnumSelect
            id={`${id}-priority`}
            label={t('triggers.action.priority')}
            values={WORK_ORDER_PRIORITIES}
            optionLabel={(item) => t(`enums.workOrderPriority.${item}`)}
            value={action.priority}
            onChange={(priority) => onChange({ priority })}
          />
          {text('title', { maxLength: 200 })}
        </>
      );
    case 'set_lifecycle_stage':
      return (
        <EnumSelect
          id={`${id}-stage`}
          label={t('triggers.action.lifecycleStage')}
          values={LIFECYCLE_STAGES}
          optionLabel={(item) => t(`enums.lifecycleStage.${item}`)}
          value={action.lifecycleStage}
          onChange={(lifecycleStage) => onChange({ lifecycleStage })}
        />
      );
  }
}

/** The ordered actions: each in its own group, moved, removed or changed in place. */
function ActionList({
  actions,
  errorAt,
  onChange,
}: {
  actions: TActionValues[];
  errorAt: TErrorAt;
  onChange: (actions: TActionValues[]) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const change = (index: number, values: Partial<TActionValues>) =>
    onChange(actions.map((action, at) => (at === index ? { ...action, ...values } : action)));
  return (
    <div className="stack">
      <ol className="rule-group__rules">
        {actions.map((action, index) => {
          const number = index + 1;
          const actionId = `${id}-${action.key}`;
          const path = `/actions/${index}`;
          const groupError = errorAt(path);
          return (
            <li key={action.key}>
              <fieldset className="rule-node">
                <legend className="rule-node__legend">{t('triggers.action.heading', { number })}</legend>
                <div className="rule-node__tools button-row">
                  <button
                    type="button"
                    className="button button--small button--ghost"
                    aria-label={t('triggers.action.moveUp', { number })}
                    disabled={index === 0}
                    onClick={() => onChange(moveItem(actions, index, -1))}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="button button--small button--ghost"
                    aria-label={t('triggers.action.moveDown', { number })}
                    disabled={index === actions.length - 1}
                    onClick={() => onChange(moveItem(actions, index, 1))}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="button button--small button--danger-ghost"
                    aria-label={t('triggers.action.remove', { number })}
                    onClick={() => onChange(actions.filter((_action, at) => at !== index))}
                  >
                    ×
                  </button>
                </div>
                <div className="rule-condition">
                  <EnumSelect
                    id={`${actionId}-type`}
                    label={t('triggers.action.type')}
                    values={TRIGGER_ACTION_TYPES}
                    optionLabel={(item) => t(`triggers.actionTypes.${item}`)}
                    value={action.type}
                    onChange={(type) => change(index, { type })}
                  />
                  <ActionFields
                    id={actionId}
                    action={action}
                    path={path}
                    errorAt={errorAt}
                    onChange={(values) => change(index, values)}
                  />
                </div>
                {groupError && (
                  <p className="field__error" role="alert">
                    {groupError}
                  </p>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>
      {errorAt('/actions') && (
        <p className="field__error" role="alert">
          {errorAt('/actions')}
        </p>
      )}
      <div>
        <button
          type="button"
          className="button"
          disabled={actions.length >= MAX_ACTIONS}
          onClick={() => onChange([...actions, newActionValues()])}
        >
          {t('triggers.action.add')}
        </button>
      </div>
    </div>
  );
}

/** The paths of the form's own inputs; problems elsewhere are listed in the banner. */
function isShownPath(path: string, actionCount: number): boolean {
  if (['/name', '/segmentId', '/dailyAt', '/maxCustomersPerRun', '/actions'].includes(path)) return true;
  const match = /^\/actions\/(\d+)/.exec(path);
  return match !== null && Number(match[1]) < actionCount;
}

/** The create and edit form: name, segment, when it fires, the cap and the ordered actions. */
function TriggerForm({
  trigger,
  initialSegmentId,
  onSubmit,
  onCancel,
  submitLabel,
}: {
  trigger?: TTrigger;
  initialSegmentId?: string;
  onSubmit: (body: TTriggerInput) => Promise<unknown>;
  onCancel: () => void;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const segments = useSegments();
  const [values, setValues] = useState<TTriggerFormValues>(() =>
    triggerFormValuesOf(trigger, initialSegmentId),
  );
  const [problems, setProblems] = useState<TFormProblem[]>([]);
  const [banner, setBanner] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);

  const errorAt: TErrorAt = (path) => {
    const found = problems.find((problem) => problem.path === path);
    return found ? translateValidationMessage(t, found.message) : undefined;
  };
  const unshown = problems.filter((problem) => !isShownPath(problem.path, values.actions.length));
  const change = (next: Partial<TTriggerFormValues>) => setValues((current) => ({ ...current, ...next }));

  const submit = async () => {
    setBanner(null);
    const input = triggerInputOf(values);
    setProblems(input.problems);
    if (!input.body) return;
    setIsSubmitting(true);
    try {
      await onSubmit(input.body);
    } catch (error) {
      if (!isApiError(error)) setBanner(t('errors.network'));
      // A 412 is the page's to explain: it loads the newer version, which replaces this form.
      else if (error.status !== 412) {
        setBanner(
          error.status === 403
            ? t('errors.forbidden')
            : error.status === 404
              ? t('triggers.segmentGone')
              : t('errors.generic'),
        );
        setProblems(error.problem.errors ?? []);
      }
    } finally {
      setIsSubmitting(false);
    }
  };

  const field = (name: 'name' | 'segmentId' | 'dailyAt' | 'maxCustomersPerRun') => ({
    id: `${id}-${name}`,
    error: errorAt(`/${name}`),
  });
  const name = field('name');
  const segment = field('segmentId');
  const dailyAt = field('dailyAt');
  const cap = field('maxCustomersPerRun');

  return (
    <form
      className="stack"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <FormSection headingId={`${id}-details`} title={t('triggers.details')}>
        <div className="form-grid">
          <FormField id={name.id} label={t('triggers.name')} isRequired error={name.error}>
            <input
              {...fieldA11y(name.id, name.error)}
              type="text"
              maxLength={100}
              value={values.name}
              onChange={(event) => change({ name: event.target.value })}
            />
          </FormField>
          <FormField id={segment.id} label={t('triggers.segment')} isRequired error={segment.error}>
            <select
              {...fieldA11y(segment.id, segment.error)}
              value={values.segmentId}
              onChange={(event) => change({ segmentId: event.target.value })}
            >
              <option value="">
                {segments.isPending ? t('common.loading') : t('triggers.chooseSegment')}
              </option>
              {segments.data?.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.name}
                </option>
              ))}
            </select>
          </FormField>
          <FormField
            id={cap.id}
            label={t('triggers.maxCustomersPerRun')}
            error={cap.error}
            hint={t('triggers.maxCustomersPerRunHint')}
          >
            <input
              {...fieldA11y(cap.id, cap.error)}
              type="number"
              inputMode="numeric"
              min={1}
              max={100_000}
              value={values.maxCustomersPerRun}
              onChange={(event) => change({ maxCustomersPerRun: event.target.value })}
            />
          </FormField>
          <div className="field">
            <label className="checkbox-label">
              <input
                type="checkbox"
                checked={values.isEnabled}
                onChange={(event) => change({ isEnabled: event.target.checked })}
              />
              <span>{t('triggers.isEnabled')}</span>
            </label>
            <p className="field__hint">{t('triggers.isEnabledHint')}</p>
          </div>
        </div>
      </FormSection>
      <FormSection headingId={`${id}-firing`} title={t('triggers.firesOn')}>
        <div className="form-stack">
          <ToggleButtons
            label={t('triggers.firesOn')}
            options={FIRES_ON.map((value) => ({ value, label: t(`triggers.firesOnOptions.${value}`) }))}
            isPressed={(value) => values.firesOn === value}
            onPress={(firesOn) => change({ firesOn })}
          />
          {values.firesOn === 'segment_entry' ? (
            <div className="field">
              <label className="checkbox-label checkbox-label--wrap">
                <input
                  type="checkbox"
                  checked={values.includeCurrentMembers}
                  onChange={(event) => change({ includeCurrentMembers: event.target.checked })}
                />
                <span>{t('triggers.includeCurrentMembers')}</span>
              </label>
              <p className="field__hint">{t('triggers.includeCurrentMembersHint')}</p>
            </div>
          ) : (
            <FormField
              id={dailyAt.id}
              label={t('triggers.dailyAt')}
              error={dailyAt.error}
              hint={t('triggers.dailyAtHint')}
            >
              <input
                {...fieldA11y(dailyAt.id, dailyAt.error)}
                type="time"
                value={values.dailyAt}
                onChange={(event) => change({ dailyAt: event.target.value })}
              />
            </FormField>
          )}
        </div>
      </FormSection>
      <FormSection headingId={`${id}-actions`} title={t('triggers.actions')}>
        <p className="field__hint">{t('triggers.actionsHint')}</p>
        <ActionList actions={values.actions} errorAt={errorAt} onChange={(actions) => change({ actions })} />
      </FormSection>
      {(banner || unshown.length > 0) && (
        <div className="banner banner--error" role="alert">
          <p>{banner ?? t('triggers.checkForm')}</p>
          {unshown.map((problem) => (
            <p key={problem.path}>{translateValidationMessage(t, problem.message)}</p>
          ))}
        </div>
      )}
      <FormActions submitLabel={submitLabel} isSubmitting={isSubmitting} onCancel={onCancel} />
    </form>
  );
}

export function TriggerCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const createTrigger = useCreateTrigger();
  return (
    <FormPage backTo="/triggers" backLabel={t('triggers.backToList')} title={t('triggers.newTitle')}>
      <TriggerForm
        initialSegmentId={searchParams.get('segmentId') ?? ''}
        submitLabel={t('triggers.create')}
        onCancel={() => navigate('/triggers')}
        onSubmit={async (body) => {
          const trigger = await createTrigger.mutateAsync(body);
          navigate(`/triggers/${trigger.id}`);
        }}
      />
    </FormPage>
  );
}

export function TriggerEditPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { triggerId = '' } = useParams();
  const trigger = useTrigger(triggerId);
  const updateTrigger = useUpdateTrigger();
  const detailPath = `/triggers/${triggerId}`;
  const isConflict = useRefetchOnConflict(updateTrigger, trigger);

  if (trigger.isPending) return <p className="muted">{t('common.loading')}</p>;
  if (trigger.isError) return <TriggerLoadError error={trigger.error} />;
  return (
    <FormPage
      backTo={detailPath}
      backLabel={trigger.data.name}
      title={t('triggers.editTitle')}
      conflict={isConflict ? t('triggers.conflict') : null}
    >
      <TriggerForm
        key={trigger.data.version}
        trigger={trigger.data}
        submitLabel={t('triggers.save')}
        onCancel={() => navigate(detailPath)}
        onSubmit={async (body) => {
          await updateTrigger.mutateAsync({ trigger: trigger.data, body });
          navigate(detailPath);
        }}
      />
    </FormPage>
  );
}

export function TriggerLoadError({ error }: { error: Error }) {
  const { t } = useTranslation();
  return (
    <RecordLoadError
      error={error}
      notFound={t('triggers.notFound')}
      loadFailed={t('triggers.loadFailed')}
      backTo="/triggers"
      backLabel={t('triggers.backToList')}
    />
  );
}

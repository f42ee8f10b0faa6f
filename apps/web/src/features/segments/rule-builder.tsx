import { createContext, type ReactNode, useContext, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../components/form-field';
import { ToggleButtons } from '../../components/toggle-buttons';
import { translateValidationMessage } from '../../lib/validation-messages';
import { WORK_ORDER_CATEGORIES } from '../work-orders/work-order-format';
import { FieldValueInput } from './field-value-input';
import {
  addRule,
  moveRule,
  newCondition,
  newGroup,
  removeRule,
  setGroupOp,
  type TConditionNode,
  type TConditionType,
  type TConsentNode,
  type TEventNode,
  type TFieldNode,
  type TGroupNode,
  type TNodeError,
  type TRuleNode,
  toggleNot,
  updateNode,
  withEvent,
  withField,
} from './rule-tree';
import {
  COMPARISONS,
  CONSENT_CHANNELS,
  CONSENT_PURPOSES,
  EVENT_KINDS,
  filtersOf,
  INTERACTION_TYPES,
  isPresenceOperator,
  measuresOf,
  ORDER_CHANNELS,
  ORDER_STATUSES,
  operatorsOf,
  SEGMENT_FIELD_NAMES,
  valueKindOf,
} from './segment-fields';

type TBuilder = {
  update: (change: (root: TRuleNode) => TRuleNode) => void;
  errors: ReadonlyMap<string, TNodeError[]>;
};

const BuilderContext = createContext<TBuilder | null>(null);

function useBuilder(): TBuilder {
  const builder = useContext(BuilderContext);
  if (!builder) throw new Error('Rule builder parts must be inside <RuleBuilder>');
  return builder;
}

const MAX_DEPTH = 6;

/**
 * The visual rule builder: nested AND/OR groups, NOT, and field, event and consent conditions. The
 * tree lives with the caller; every edit is a pure function of rule-tree.ts. Server errors arrive by
 * node id and show inside the condition they name.
 */
export function RuleBuilder({
  root,
  onChange,
  errors,
}: {
  root: TGroupNode;
  onChange: (root: TGroupNode) => void;
  errors: ReadonlyMap<string, TNodeError[]>;
}) {
  // The root is a group that no edit replaces (removeRule keeps the root; the root has no NOT button).
  const update = (change: (current: TRuleNode) => TRuleNode) => onChange(change(root) as TGroupNode);
  return (
    <BuilderContext.Provider value={{ update, errors }}>
      <GroupBody node={root} path="" depth={1} />
    </BuilderContext.Provider>
  );
}

function pathOf(parent: string, index: number): string {
  return parent === '' ? String(index + 1) : `${parent}.${index + 1}`;
}

function GroupBody({ node, path, depth }: { node: TGroupNode; path: string; depth: number }) {
  const { t } = useTranslation();
  const { update } = useBuilder();
  const add = (rule: TRuleNode) => update((root) => addRule(root, node.id, rule));
  const addCondition = (type: TConditionType) => add(newCondition(type));
  return (
    <div className="rule-group__body">
      <ToggleButtons
        label={t('segments.builder.match')}
        options={(['and', 'or'] as const).map((op) => ({
          value: op,
          label: t(`segments.builder.ops.${op}`),
        }))}
        isPressed={(op) => node.op === op}
        onPress={(op) => update((root) => setGroupOp(root, node.id, op))}
      />
      {node.rules.length === 0 ? (
        <p className="muted">{t('segments.builder.emptyGroup')}</p>
      ) : (
        <ol className="rule-group__rules">
          {node.rules.map((rule, index) => (
            <li key={rule.id}>
              <RuleNodeEditor
                node={rule}
                path={pathOf(path, index)}
                depth={depth + 1}
                isFirst={index === 0}
                isLast={index === node.rules.length - 1}
              />
            </li>
          ))}
        </ol>
      )}
      <div className="button-row">
        {(['field', 'event', 'consent'] as const).map((type) => (
          <button
            key={type}
            type="button"
            className="button button--small"
            onClick={() => addCondition(type)}
          >
            {t(`segments.builder.add${type === 'field' ? 'Field' : type === 'event' ? 'Event' : 'Consent'}`)}
          </button>
        ))}
        {depth < MAX_DEPTH && (
          <button type="button" className="button button--small" onClick={() => add(newGroup())}>
            {t('segments.builder.addGroup')}
          </button>
        )}
      </div>
    </div>
  );
}

/** One rule of a group; a NOT shows as a mark on the rule it negates, whose buttons then act on the NOT. */
function RuleNodeEditor({
  node,
  path,
  depth,
  isFirst,
  isLast,
}: {
  node: TRuleNode;
  path: string;
  depth: number;
  isFirst: boolean;
  isLast: boolean;
}) {
  const { t } = useTranslation();
  const { update, errors } = useBuilder();
  const inner = node.type === 'not' ? node.rule : node;
  const nodeErrors = [
    ...(errors.get(node.id) ?? []),
    ...(node.type === 'not' ? (errors.get(inner.id) ?? []) : []),
  ];
  const isNegated = node.type === 'not';
  const isGroup = inner.type === 'group';
  const title = isGroup ? t('segments.builder.group', { path }) : t('segments.builder.condition', { path });
  const typeLabel =
    inner.type === 'group' || inner.type === 'not'
      ? null
      : t(`segments.builder.conditionTypes.${inner.type}`);

  return (
    <fieldset
      className={`rule-node${isGroup ? ' rule-node--group' : ''}${isNegated ? ' rule-node--negated' : ''}`}
    >
      <legend className="rule-node__legend">
        {title}
        {typeLabel && <span className="badge badge--muted">{typeLabel}</span>}
        {isNegated && <span className="badge badge--warning">{t('segments.builder.not')}</span>}
      </legend>
      <div className="rule-node__tools button-row">
        <button
          type="button"
          className="button button--small button--ghost"
          aria-label={t('segments.builder.moveUp', { path })}
          disabled={isFirst}
          onClick={() => update((root) => moveRule(root, node.id, -1))}
        >
          ↑
        </button>
        <button
          type="button"
          className="button button--small button--ghost"
          aria-label={t('segments.builder.moveDown', { path })}
          disabled={isLast}
          onClick={() => update((root) => moveRule(root, node.id, 1))}
        >
          ↓
        </button>
        <button
          type="button"
          className="button button--small button--ghost"
          aria-pressed={isNegated}
          onClick={() => update((root) => toggleNot(root, node.id))}
        >
          {isNegated ? t('segments.builder.unnegate') : t('segments.builder.negate')}
        </button>
        <button
          type="button"
          className="button button--small button--danger-ghost"
          aria-label={
            isGroup ? t('segments.builder.removeGroup', { path }) : t('segments.builder.remove', { path })
          }
          onClick={() => update((root) => removeRule(root, node.id))}
        >
          ×
        </button>
      </div>
      {isNegated && <p className="muted">{t('segments.builder.negated')}</p>}
      {inner.type === 'group' ? (
        <GroupBody node={inner} path={path} depth={depth} />
      ) : inner.type === 'not' ? (
        <RuleNodeEditor node={inner} path={path} depth={depth} isFirst isLast />
      ) : (
        <ConditionEditor node={inner} errors={nodeErrors} />
      )}
      <NodeErrors errors={nodeErrors.filter((error) => !isShownAtInput(inner, error))} />
    </fieldset>
  );
}

/** The properties each condition shows an input for; errors about others show under the condition. */
function isShownAtInput(node: TRuleNode, error: TNodeError): boolean {
  if (node.type === 'field') return error.property === 'operator' || error.property === 'value';
  if (node.type === 'event')
    return ['measure', 'windowDays', 'operator', 'value', 'where', 'event'].includes(error.property ?? '');
  return false;
}

function NodeErrors({ errors }: { errors: readonly TNodeError[] }) {
  const { t } = useTranslation();
  if (errors.length === 0) return null;
  return (
    <div className="field__error" role="alert">
      {errors.map((error) => (
        <p key={`${error.property}:${error.message}`}>{translateValidationMessage(t, error.message)}</p>
      ))}
    </div>
  );
}

function errorAt(t: ReturnType<typeof useTranslation>['t'], errors: readonly TNodeError[], property: string) {
  const found = errors.find((error) => error.property === property);
  return found ? translateValidationMessage(t, found.message) : undefined;
}

function ConditionEditor({ node, errors }: { node: TConditionNode; errors: readonly TNodeError[] }) {
  const { update } = useBuilder();
  const change = <T extends TConditionNode>(next: (current: T) => T) =>
    update((root) => updateNode(root, node.id, (current) => next(current as T)));
  switch (node.type) {
    case 'field':
      return <FieldConditionEditor node={node} errors={errors} change={change} />;
    case 'event':
      return <EventConditionEditor node={node} errors={errors} change={change} />;
    case 'consent':
      return <ConsentConditionEditor node={node} change={change} />;
  }
}

type TChange<T> = (next: (current: T) => T) => void;

function Fields({ children }: { children: ReactNode }) {
  return <div className="rule-condition">{children}</div>;
}

function FieldConditionEditor({
  node,
  errors,
  change,
}: {
  node: TFieldNode;
  errors: readonly TNodeError[];
  change: TChange<TFieldNode>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const kind = valueKindOf(node.field);
  const operatorKey =
    kind === 'date'
      ? 'segments.dateOperators'
      : kind === 'tags'
        ? 'segments.tagOperators'
        : 'segments.operators';
  const valueError = errorAt(t, errors, 'value');
  return (
    <Fields>
      <FormField id={`${id}-field`} label={t('segments.builder.field')}>
        <select
          id={`${id}-field`}
          value={node.field}
          onChange={(event) =>
            change((current) => withField(current, event.target.value as TFieldNode['field']))
          }
        >
          {SEGMENT_FIELD_NAMES.map((field) => (
            <option key={field} value={field}>
              {t(`segments.fields.${field}`)}
            </option>
          ))}
        </select>
      </FormField>
      <FormField
        id={`${id}-operator`}
        label={t('segments.builder.operator')}
        error={errorAt(t, errors, 'operator')}
      >
        <select
          id={`${id}-operator`}
          value={node.operator}
          onChange={(event) =>
            change((current) => ({ ...current, operator: event.target.value as TFieldNode['operator'] }))
          }
        >
          {operatorsOf(node.field).map((operator) => (
            <option key={operator} value={operator}>
              {t(`${operatorKey}.${operator}`)}
            </option>
          ))}
        </select>
      </FormField>
      {!isPresenceOperator(node.operator) && (
        <FormField
          id={`${id}-value`}
          label={t('segments.builder.value')}
          error={valueError}
          className="rule-condition__wide"
        >
          {/* Keyed by field and operator: a city picker's province belongs to the field it was opened for. */}
          <FieldValueInput
            key={`${node.field}:${node.operator}`}
            id={`${id}-value`}
            node={node}
            error={valueError}
            onChange={(next) => change((current) => ({ ...current, ...next }))}
          />
        </FormField>
      )}
    </Fields>
  );
}

function OptionalSelect<T extends string>({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: T | '';
  options: readonly { value: T; label: string }[];
  onChange: (value: T | '') => void;
}) {
  const { t } = useTranslation();
  return (
    <FormField id={id} label={label}>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as T | '')}>
        <option value="">{t('segments.builder.any')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FormField>
  );
}

function EventConditionEditor({
  node,
  errors,
  change,
}: {
  node: TEventNode;
  errors: readonly TNodeError[];
  change: TChange<TEventNode>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const filters = filtersOf(node.event);
  const set = (next: Partial<TEventNode>) => change((current) => ({ ...current, ...next }));
  const whereError = errors.find((error) => error.property === 'where');
  return (
    <Fields>
      <FormField id={`${id}-event`} label={t('segments.builder.event')} error={errorAt(t, errors, 'event')}>
        <select
          id={`${id}-event`}
          value={node.event}
          onChange={(event) =>
            change((current) => withEvent(current, event.target.value as TEventNode['event']))
          }
        >
          {EVENT_KINDS.map((event) => (
            <option key={event} value={event}>
              {t(`segments.events.${event}`)}
            </option>
          ))}
        </select>
      </FormField>
      {filters.includes('orderStatus') && (
        <div className="field rule-condition__wide">
          <span className="field__label" aria-hidden="true">
            {t('segments.builder.orderStatus')}
          </span>
          <ToggleButtons
            label={t('segments.builder.orderStatus')}
            options={ORDER_STATUSES.map((status) => ({
              value: status,
              label: t(`enums.orderStatus.${status}`),
            }))}
            isPressed={(status) => node.orderStatus.includes(status)}
            onPress={(status) =>
              set({
                orderStatus: node.orderStatus.includes(status)
                  ? node.orderStatus.filter((existing) => existing !== status)
                  : ORDER_STATUSES.filter(
                      (existing) => existing === status || node.orderStatus.includes(existing),
                    ),
              })
            }
          />
        </div>
      )}
      {filters.includes('orderChannel') && (
        <OptionalSelect
          id={`${id}-channel`}
          label={t('segments.builder.orderChannel')}
          value={node.orderChannel}
          options={ORDER_CHANNELS.map((channel) => ({
            value: channel,
            label: t(`enums.orderChannel.${channel}`),
          }))}
          onChange={(orderChannel) => set({ orderChannel })}
        />
      )}
      {filters.includes('interactionType') && (
        <OptionalSelect
          id={`${id}-interaction-type`}
          label={t('segments.builder.interactionType')}
          value={node.interactionType}
          options={INTERACTION_TYPES.map((type) => ({
            value: type,
            label: t(`enums.interactionType.${type}`),
          }))}
          onChange={(interactionType) => set({ interactionType })}
        />
      )}
      {filters.includes('workOrderCategory') && (
        <OptionalSelect
          id={`${id}-category`}
          label={t('segments.builder.workOrderCategory')}
          value={node.workOrderCategory}
          options={WORK_ORDER_CATEGORIES.map((category) => ({
            value: category,
            label: t(`enums.workOrderCategory.${category}`),
          }))}
          onChange={(workOrderCategory) => set({ workOrderCategory })}
        />
      )}
      {filters.includes('campaignCode') && (
        <FormField id={`${id}-campaign`} label={t('segments.builder.campaignCode')}>
          <input
            id={`${id}-campaign`}
            type="text"
            maxLength={100}
            value={node.campaignCode}
            onChange={(event) => set({ campaignCode: event.target.value })}
          />
        </FormField>
      )}
      <FormField
        id={`${id}-measure`}
        label={t('segments.builder.measure')}
        error={errorAt(t, errors, 'measure')}
      >
        <select
          id={`${id}-measure`}
          value={node.measure}
          onChange={(event) => set({ measure: event.target.value as TEventNode['measure'] })}
        >
          {measuresOf(node.event).map((measure) => (
            <option key={measure} value={measure}>
              {t(`segments.measures.${measure}`)}
            </option>
          ))}
        </select>
      </FormField>
      {node.measure !== 'days_since_last' && (
        <FormField
          id={`${id}-window`}
          label={t('segments.builder.windowDays')}
          error={errorAt(t, errors, 'windowDays')}
        >
          <input
            id={`${id}-window`}
            type="number"
            inputMode="numeric"
            min={1}
            max={3650}
            value={node.windowDays}
            onChange={(event) => set({ windowDays: event.target.value })}
          />
        </FormField>
      )}
      <FormField
        id={`${id}-comparison`}
        label={t('segments.builder.comparison')}
        error={errorAt(t, errors, 'operator')}
      >
        <select
          id={`${id}-comparison`}
          value={node.operator}
          onChange={(event) => set({ operator: event.target.value as TEventNode['operator'] })}
        >
          {COMPARISONS.map((operator) => (
            <option key={operator} value={operator}>
              {t(`segments.comparisons.${operator}`)}
            </option>
          ))}
        </select>
      </FormField>
      <FormField id={`${id}-value`} label={t('segments.builder.number')} error={errorAt(t, errors, 'value')}>
        <input
          id={`${id}-value`}
          type="number"
          inputMode="decimal"
          min={0}
          value={node.value}
          onChange={(event) => set({ value: event.target.value })}
        />
      </FormField>
      {whereError && (
        <p className="field__error rule-condition__wide" role="alert">
          {translateValidationMessage(t, whereError.message)}
        </p>
      )}
    </Fields>
  );
}

function ConsentConditionEditor({ node, change }: { node: TConsentNode; change: TChange<TConsentNode> }) {
  const { t } = useTranslation();
  const id = useId();
  const set = (next: Partial<TConsentNode>) => change((current) => ({ ...current, ...next }));
  return (
    <Fields>
      <FormField id={`${id}-purpose`} label={t('segments.builder.purpose')}>
        <select
          id={`${id}-purpose`}
          value={node.purpose}
          onChange={(event) => set({ purpose: event.target.value as TConsentNode['purpose'] })}
        >
          {CONSENT_PURPOSES.map((purpose) => (
            <option key={purpose} value={purpose}>
              {t(`enums.consentPurpose.${purpose}`)}
            </option>
          ))}
        </select>
      </FormField>
      <FormField id={`${id}-channel`} label={t('segments.builder.channel')}>
        <select
          id={`${id}-channel`}
          value={node.channel}
          onChange={(event) => set({ channel: event.target.value as TConsentNode['channel'] })}
        >
          {CONSENT_CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {t(`enums.consentChannel.${channel}`)}
            </option>
          ))}
        </select>
      </FormField>
      <FormField id={`${id}-granted`} label={t('segments.builder.consentState')}>
        <select
          id={`${id}-granted`}
          value={node.isGranted ? 'granted' : 'not'}
          onChange={(event) => set({ isGranted: event.target.value === 'granted' })}
        >
          <option value="granted">{t('segments.builder.granted')}</option>
          <option value="not">{t('segments.builder.notGranted')}</option>
        </select>
      </FormField>
    </Fields>
  );
}

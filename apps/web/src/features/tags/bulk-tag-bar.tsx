import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { fieldA11y } from '../../components/form-field';
import { isApiError } from '../../lib/api';
import { translateValidationMessage } from '../../lib/validation-messages';
import type { TSelectableCustomer } from './customer-selection';
import { useBulkTagCustomers, useTags } from './queries';
import {
  BULK_CUSTOMERS_MAX,
  BULK_TAGS_MAX,
  bulkTaggingOf,
  bulkTaggingProblems,
  parseTagNames,
  TAG_NAME_MAX,
  tagNamesProblem,
} from './tag-values';

type TAction = 'add' | 'remove';
type TOutcome = { isDone: true; updated: number; unchanged: number } | { isDone: false; problems: string[] };

/** The API's words for a customer it will not tag, in the UI language; others as they came. */
function reasonText(t: TFunction, message: string): string {
  if (message === 'No such customer in your scope') return t('tags.bulk.outOfScope');
  return translateValidationMessage(t, message) ?? message;
}

/** Why nothing changed, naming the customer the API refused by its place in the request. */
function problemsOf(t: TFunction, error: unknown, sent: readonly TSelectableCustomer[]): string[] {
  if (!isApiError(error)) return [t('errors.network')];
  if (error.status === 403) return [t('errors.forbidden')];
  const problems = bulkTaggingProblems(error.problem.errors, sent).map(({ customer, message }) =>
    customer
      ? t('tags.bulk.customerRefused', { name: customer.displayName, reason: reasonText(t, message) })
      : reasonText(t, message),
  );
  return problems.length > 0 ? [t('tags.bulk.nothingChanged'), ...problems] : [t('errors.generic')];
}

/** What the last press did: how many customers changed, or why none did. */
function OutcomeBanner({ outcome }: { outcome: TOutcome }) {
  const { t } = useTranslation();
  if (outcome.isDone) {
    return (
      <p className="banner banner--success" role="status">
        {t('tags.bulk.updated', { count: outcome.updated })}
        {outcome.unchanged > 0 && ` ${t('tags.bulk.unchanged', { count: outcome.unchanged })}`}
      </p>
    );
  }
  return (
    <div className="banner banner--error" role="alert">
      {outcome.problems.map((problem) => (
        <p key={problem}>{problem}</p>
      ))}
    </div>
  );
}

/**
 * The bar over the customer list while rows are ticked: tags to add to or remove from all of them at
 * once (known ones offered, new ones typed), all or nothing as the API does it. With nothing ticked it
 * shows only what the last press did, since untagging a list filtered by the tag empties it.
 */
export function BulkTagBar({
  selected,
  onClear,
}: {
  selected: readonly TSelectableCustomer[];
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const tags = useTags();
  const bulkTag = useBulkTagCustomers();
  const [outcome, setOutcome] = useState<TOutcome | null>(null);
  const form = useForm<{ names: string }>({ defaultValues: { names: '' } });
  const error = form.formState.errors.names?.message;
  const isTooMany = selected.length > BULK_CUSTOMERS_MAX;

  // Known tags to pick from: every defined or used one, and the ones the selected customers carry.
  const suggestions = [
    ...new Set([...(tags.data ?? []).map((tag) => tag.name), ...selected.flatMap((c) => c.tags)]),
  ].sort((a, b) => a.localeCompare(b));

  const run = (action: TAction) =>
    form.handleSubmit(async ({ names }) => {
      const sent = [...selected];
      setOutcome(null);
      try {
        const result = await bulkTag.mutateAsync(
          bulkTaggingOf(
            sent.map((customer) => customer.id),
            action,
            parseTagNames(names),
          ),
        );
        setOutcome({ isDone: true, ...result });
        form.reset();
      } catch (failure) {
        setOutcome({ isDone: false, problems: problemsOf(t, failure, sent) });
      }
    });

  if (selected.length === 0) return outcome && <OutcomeBanner outcome={outcome} />;
  return (
    <section className="card stack stack--tight" aria-labelledby={`${id}-title`}>
      <div className="toolbar">
        <h2 id={`${id}-title`} className="card__title">
          {t('tags.bulk.selected', { count: selected.length })}
        </h2>
        <button
          type="button"
          className="button button--small button--ghost"
          onClick={() => {
            setOutcome(null);
            onClear();
          }}
        >
          {t('tags.bulk.clearSelection')}
        </button>
      </div>
      <form className="stack stack--tight" noValidate onSubmit={run('add')}>
        <label htmlFor={`${id}-names`}>{t('tags.bulk.tagsLabel')}</label>
        <div className="input-with-button">
          <input
            {...fieldA11y(`${id}-names`, error)}
            type="text"
            list={`${id}-known`}
            autoComplete="off"
            placeholder={t('tags.bulk.placeholder')}
            {...form.register('names', {
              validate: (text) => {
                const problem = tagNamesProblem(parseTagNames(text));
                if (problem === null) return true;
                return t(`tags.bulk.problems.${problem}`, { max: BULK_TAGS_MAX, length: TAG_NAME_MAX });
              },
            })}
          />
          <button type="submit" className="button button--primary" disabled={bulkTag.isPending || isTooMany}>
            {t('tags.bulk.add')}
          </button>
          <button
            type="button"
            className="button"
            disabled={bulkTag.isPending || isTooMany}
            onClick={run('remove')}
          >
            {t('tags.bulk.remove')}
          </button>
        </div>
        <datalist id={`${id}-known`}>
          {suggestions.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        {error ? (
          <p id={`${id}-names-error`} className="field__error" role="alert">
            {error}
          </p>
        ) : (
          <p className="field__hint">{t('tags.bulk.hint')}</p>
        )}
      </form>
      {isTooMany && (
        <p className="banner banner--warning" role="alert">
          {t('tags.bulk.tooManyCustomers', { max: BULK_CUSTOMERS_MAX })}
        </p>
      )}
      {outcome && <OutcomeBanner outcome={outcome} />}
    </section>
  );
}

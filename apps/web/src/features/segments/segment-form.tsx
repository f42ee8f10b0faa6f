import type { FieldError } from '@cims/api-client';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { FormActions } from '../../components/form-actions';
import { FormField } from '../../components/form-field';
import { FormPage, useRefetchOnConflict } from '../../components/form-page';
import { FormSection } from '../../components/form-section';
import { RecordLoadError } from '../../components/record-load-error';
import { ToggleButtons } from '../../components/toggle-buttons';
import { isApiError } from '../../lib/api';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { translateValidationMessage } from '../../lib/validation-messages';
import {
  type TSegment,
  type TSegmentInput,
  useCreateSegment,
  useSegment,
  useSegmentPreview,
  useUpdateSegment,
} from './queries';
import { RuleBuilder } from './rule-builder';
import {
  fromApiRule,
  groupRuleErrors,
  hasNoCondition,
  newGroup,
  type TGroupNode,
  toApiRule,
} from './rule-tree';
import { SegmentPreview } from './segment-preview';

const PREVIEW_DEBOUNCE_MS = 500;
const DEFAULT_COLOR = '#2f6fed';
const SEGMENT_KINDS = ['dynamic', 'static'] as const satisfies readonly TSegmentInput['kind'][];

type TDetails = { name: string; description: string; kind: TSegmentInput['kind']; color: string | null };

function rootOf(segment: TSegment | undefined): TGroupNode {
  if (!segment) return newGroup();
  const root = fromApiRule(segment.rule);
  // The builder edits a group at the top; a saved rule that is a single condition goes inside one.
  return root.type === 'group' ? root : newGroup([root]);
}

/** The create and edit form: name, description, kind, colour and the rule, with a live preview. */
function SegmentForm({
  segment,
  onSubmit,
  onCancel,
  submitLabel,
}: {
  segment?: TSegment;
  onSubmit: (body: TSegmentInput) => Promise<unknown>;
  onCancel: () => void;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [details, setDetails] = useState<TDetails>({
    name: segment?.name ?? '',
    description: segment?.description ?? '',
    kind: segment?.kind ?? 'dynamic',
    color: segment ? segment.color : DEFAULT_COLOR,
  });
  const [root, setRoot] = useState<TGroupNode>(() => rootOf(segment));
  const [submitErrors, setSubmitErrors] = useState<FieldError[] | null>(null);
  const [banner, setBanner] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);

  const rule = useMemo(() => (hasNoCondition(root) ? null : toApiRule(root)), [root]);
  const previewRule = useDebouncedValue(rule, PREVIEW_DEBOUNCE_MS);
  const preview = useSegmentPreview(previewRule);

  // The errors of the last save until the next edit; otherwise those of the preview, which checks the
  // rule as it is typed. Either way they are placed on the conditions their pointers name.
  const previewErrors = isApiError(preview.error) ? (preview.error.problem.errors ?? []) : [];
  const placed = groupRuleErrors(root, submitErrors ?? previewErrors);
  const fieldError = (name: string) => {
    const found = placed.others.find((error) => error.path === `/${name}`);
    return found ? translateValidationMessage(t, found.message) : undefined;
  };
  const unplaced = placed.others.filter(
    (error) => !['/name', '/description', '/kind', '/color'].includes(error.path),
  );

  const changeRoot = (next: TGroupNode) => {
    setRoot(next);
    setSubmitErrors(null);
  };

  const submit = async () => {
    setBanner(null);
    setSubmitErrors(null);
    setIsSubmitting(true);
    try {
      await onSubmit({
        name: details.name.trim(),
        description: details.description.trim() === '' ? null : details.description.trim(),
        kind: details.kind,
        color: details.color,
        rule: toApiRule(root),
      });
    } catch (error) {
      if (!isApiError(error)) setBanner(t('errors.network'));
      // A 412 is the page's to explain: it loads the newer version, which replaces this form.
      else if (error.status !== 412) {
        setBanner(error.status === 403 ? t('errors.forbidden') : t('errors.generic'));
        setSubmitErrors(error.problem.errors ?? []);
      }
    } finally {
      setIsSubmitting(false);
    }
  };

  return (
    <form
      className="stack"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <FormSection headingId={`${id}-details`} title={t('segments.title')}>
        <div className="form-grid">
          <FormField id={`${id}-name`} label={t('segments.name')} isRequired error={fieldError('name')}>
            <input
              id={`${id}-name`}
              type="text"
              maxLength={100}
              required
              value={details.name}
              onChange={(event) => setDetails({ ...details, name: event.target.value })}
            />
          </FormField>
          <FormField id={`${id}-color`} label={t('segments.color')} error={fieldError('color')}>
            <div className="input-with-button">
              <input
                id={`${id}-color`}
                type="color"
                value={details.color ?? DEFAULT_COLOR}
                onChange={(event) => setDetails({ ...details, color: event.target.value })}
              />
              <label className="checkbox-label">
                <input
                  type="checkbox"
                  checked={details.color === null}
                  onChange={(event) =>
                    setDetails({ ...details, color: event.target.checked ? null : DEFAULT_COLOR })
                  }
                />
                <span>{t('segments.noColor')}</span>
              </label>
            </div>
          </FormField>
          <FormField
            id={`${id}-description`}
            label={t('segments.description')}
            error={fieldError('description')}
            className="form-grid__wide"
          >
            <textarea
              id={`${id}-description`}
              rows={2}
              maxLength={1000}
              value={details.description}
              onChange={(event) => setDetails({ ...details, description: event.target.value })}
            />
          </FormField>
          <div className="field form-grid__wide">
            <span className="field__label" aria-hidden="true">
              {t('segments.kind')}
            </span>
            <ToggleButtons
              label={t('segments.kind')}
              options={SEGMENT_KINDS.map((kind) => ({ value: kind, label: t(`segments.kinds.${kind}`) }))}
              isPressed={(kind) => details.kind === kind}
              onPress={(kind) => setDetails({ ...details, kind })}
            />
            <p className="field__hint">{t(`segments.kindHints.${details.kind}`)}</p>
          </div>
        </div>
      </FormSection>
      <section className="card stack" aria-labelledby={`${id}-rule`}>
        <h2 id={`${id}-rule`} className="card__title">
          {t('segments.rule')}
        </h2>
        <RuleBuilder root={root} onChange={changeRoot} errors={placed.byNode} />
      </section>
      <SegmentPreview preview={preview} rule={previewRule} />
      {banner && (
        <div className="banner banner--error" role="alert">
          <p>{banner}</p>
          {unplaced.map((error) => (
            <p key={error.path}>{translateValidationMessage(t, error.message)}</p>
          ))}
        </div>
      )}
      <FormActions submitLabel={submitLabel} isSubmitting={isSubmitting} onCancel={onCancel} />
    </form>
  );
}

export function SegmentCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const createSegment = useCreateSegment();
  return (
    <FormPage backTo="/segments" backLabel={t('segments.backToList')} title={t('segments.newTitle')}>
      <SegmentForm
        submitLabel={t('segments.create')}
        onCancel={() => navigate('/segments')}
        onSubmit={async (body) => {
          const segment = await createSegment.mutateAsync(body);
          navigate(`/segments/${segment.id}`);
        }}
      />
    </FormPage>
  );
}

export function SegmentEditPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { segmentId = '' } = useParams();
  const segment = useSegment(segmentId);
  const updateSegment = useUpdateSegment();
  const detailPath = `/segments/${segmentId}`;
  const isConflict = useRefetchOnConflict(updateSegment, segment);

  if (segment.isPending) return <p className="muted">{t('common.loading')}</p>;
  if (segment.isError) return <SegmentLoadError error={segment.error} />;
  return (
    <FormPage
      backTo={detailPath}
      backLabel={segment.data.name}
      title={t('segments.editTitle')}
      conflict={isConflict ? t('segments.conflict') : null}
    >
      <SegmentForm
        key={segment.data.version}
        segment={segment.data}
        submitLabel={t('segments.save')}
        onCancel={() => navigate(detailPath)}
        onSubmit={async (body) => {
          await updateSegment.mutateAsync({ segment: segment.data, body });
          navigate(detailPath);
        }}
      />
    </FormPage>
  );
}

export function SegmentLoadError({ error }: { error: Error }) {
  const { t } = useTranslation();
  return (
    <RecordLoadError
      error={error}
      notFound={t('segments.notFound')}
      loadFailed={t('segments.loadFailed')}
      backTo="/segments"
      backLabel={t('segments.backToList')}
    />
  );
}

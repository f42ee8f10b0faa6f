import { useId, useState } from 'react';
import { type UseFormRegisterReturn, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { FormActions } from '../../components/form-actions';
import { FormField, fieldA11y } from '../../components/form-field';
import { FormPage, useRefetchOnConflict } from '../../components/form-page';
import { FormSection } from '../../components/form-section';
import { RecordLoadError } from '../../components/record-load-error';
import { isApiError } from '../../lib/api';
import { applyFieldErrors, errorMessageAt } from '../../lib/form-errors';
import { translateValidationMessage } from '../../lib/validation-messages';
import { useSegments } from '../segments/queries';
import {
  CAMPAIGN_MESSAGES,
  CONSENT_CHANNELS,
  campaignFormResolver,
  type TCampaignFormValues,
  toFormValues,
} from './campaign-values';
import {
  type TCampaign,
  type TCampaignInput,
  useCampaign,
  useCreateCampaign,
  useUpdateCampaign,
} from './queries';

/**
 * The target segment: every segment the user can read, with its member count for scale. The form shows
 * once the list is in, so that an edited campaign's segment is an option when the select takes its value;
 * should the list fail, the campaign's own segment is still offered.
 */
function SegmentSelect({
  id,
  error,
  current,
  segments,
  registration,
}: {
  id: string;
  error: string | undefined;
  current: TCampaign['segment'] | undefined;
  segments: ReturnType<typeof useSegments>;
  registration: UseFormRegisterReturn<'segmentId'>;
}) {
  const { t } = useTranslation();
  const options = (segments.data ?? []).map((segment) => ({
    id: segment.id,
    label: t('campaigns.form.segmentOption', { name: segment.name, count: segment.memberCount }),
  }));
  if (current && !options.some((option) => option.id === current.id))
    options.unshift({ id: current.id, label: current.name });
  return (
    <FormField
      id={id}
      label={t('campaigns.segment')}
      isRequired
      error={error ?? (segments.isError ? t('campaigns.form.segmentsFailed') : undefined)}
      hint={t('campaigns.form.segmentHint')}
    >
      <select {...fieldA11y(id, error)} {...registration}>
        <option value="">{t('campaigns.form.chooseSegment')}</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>
    </FormField>
  );
}

/** The create and edit form. The server's 409 (code in use) and 422 errors land on their fields. */
function CampaignForm({
  campaign,
  onSubmit,
  onCancel,
  submitLabel,
}: {
  campaign?: TCampaign;
  onSubmit: (body: TCampaignInput) => Promise<unknown>;
  onCancel: () => void;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [problems, setProblems] = useState<string[] | null>(null);
  const form = useForm<TCampaignFormValues, unknown, TCampaignInput>({
    defaultValues: toFormValues(campaign),
    resolver: campaignFormResolver,
  });
  const {
    register,
    setError,
    getValues,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = form;
  const error = (name: keyof TCampaignFormValues) =>
    translateValidationMessage(t, errorMessageAt(errors, name));
  const segments = useSegments();

  const submit = async (body: TCampaignInput) => {
    setProblems(null);
    try {
      await onSubmit(body);
    } catch (caught) {
      if (!isApiError(caught)) {
        setProblems([t('errors.network')]);
        return;
      }
      // A 412 is the page's to explain: it loads the newer version, which replaces this form.
      if (caught.status === 412) return;
      if (caught.status === 409) {
        setError('code', { type: 'server', message: CAMPAIGN_MESSAGES.codeTaken }, { shouldFocus: true });
        return;
      }
      const unshown = applyFieldErrors({
        error: caught,
        setError,
        isRenderedField: (path) => path in getValues(),
      });
      setProblems([
        caught.status === 403
          ? t('errors.forbidden')
          : caught.status === 404
            ? t('campaigns.form.segmentGone')
            : t('errors.generic'),
        ...unshown.map((item) => translateValidationMessage(t, item.message) ?? item.message),
      ]);
    }
  };

  if (segments.isPending) return <p className="muted">{t('common.loading')}</p>;
  return (
    <form className="stack" noValidate onSubmit={handleSubmit(submit)}>
      <FormSection headingId={`${id}-details`} title={t('campaigns.form.details')}>
        <div className="form-grid">
          <FormField id={`${id}-name`} label={t('campaigns.name')} isRequired error={error('name')}>
            <input
              {...fieldA11y(`${id}-name`, error('name'))}
              type="text"
              maxLength={100}
              {...register('name')}
            />
          </FormField>
          <FormField
            id={`${id}-code`}
            label={t('campaigns.code')}
            isRequired
            error={error('code')}
            hint={t('campaigns.form.codeHint')}
          >
            <input
              {...fieldA11y(`${id}-code`, error('code'))}
              type="text"
              maxLength={50}
              autoCapitalize="characters"
              spellCheck={false}
              {...register('code')}
            />
          </FormField>
          <FormField id={`${id}-channel`} label={t('campaigns.channel')} isRequired error={error('channel')}>
            <select {...fieldA11y(`${id}-channel`, error('channel'))} {...register('channel')}>
              {CONSENT_CHANNELS.map((channel) => (
                <option key={channel} value={channel}>
                  {t(`enums.consentChannel.${channel}`)}
                </option>
              ))}
            </select>
          </FormField>
          <SegmentSelect
            id={`${id}-segment`}
            error={error('segmentId')}
            current={campaign?.segment}
            segments={segments}
            registration={register('segmentId')}
          />
          <FormField
            id={`${id}-startsAt`}
            label={t('campaigns.startsAt')}
            isRequired
            error={error('startsAt')}
          >
            <input
              {...fieldA11y(`${id}-startsAt`, error('startsAt'))}
              type="datetime-local"
              {...register('startsAt')}
            />
          </FormField>
          <FormField id={`${id}-endsAt`} label={t('campaigns.endsAt')} isRequired error={error('endsAt')}>
            <input
              {...fieldA11y(`${id}-endsAt`, error('endsAt'))}
              type="datetime-local"
              {...register('endsAt')}
            />
          </FormField>
          <FormField id={`${id}-cost`} label={t('campaigns.costYuan')} isRequired error={error('cost')}>
            <input
              {...fieldA11y(`${id}-cost`, error('cost'))}
              type="text"
              inputMode="decimal"
              {...register('cost')}
            />
          </FormField>
          <FormField
            id={`${id}-contentRef`}
            label={t('campaigns.contentRef')}
            error={error('contentRef')}
            hint={t('campaigns.form.contentRefHint')}
          >
            <input
              {...fieldA11y(`${id}-contentRef`, error('contentRef'))}
              type="text"
              maxLength={500}
              {...register('contentRef')}
            />
          </FormField>
        </div>
      </FormSection>
      {problems && (
        <div className="banner banner--error" role="alert">
          {problems.map((problem) => (
            <p key={problem}>{problem}</p>
          ))}
        </div>
      )}
      <FormActions submitLabel={submitLabel} isSubmitting={isSubmitting} onCancel={onCancel} />
    </form>
  );
}

export function CampaignCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const createCampaign = useCreateCampaign();
  return (
    <FormPage backTo="/campaigns" backLabel={t('campaigns.backToList')} title={t('campaigns.newTitle')}>
      <CampaignForm
        submitLabel={t('campaigns.create')}
        onCancel={() => navigate('/campaigns')}
        onSubmit={async (body) => {
          const campaign = await createCampaign.mutateAsync(body);
          navigate(`/campaigns/${campaign.id}`);
        }}
      />
    </FormPage>
  );
}

export function CampaignEditPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { campaignId = '' } = useParams();
  const campaign = useCampaign(campaignId);
  const updateCampaign = useUpdateCampaign();
  const detailPath = `/campaigns/${campaignId}`;
  const isConflict = useRefetchOnConflict(updateCampaign, campaign);

  if (campaign.isPending) return <p className="muted">{t('common.loading')}</p>;
  if (campaign.isError) return <CampaignLoadError error={campaign.error} />;
  return (
    <FormPage
      backTo={detailPath}
      backLabel={campaign.data.name}
      title={t('campaigns.editTitle')}
      conflict={isConflict ? t('campaigns.conflict') : null}
    >
      <CampaignForm
        key={campaign.data.version}
        campaign={campaign.data}
        submitLabel={t('campaigns.save')}
        onCancel={() => navigate(detailPath)}
        onSubmit={async (body) => {
          await updateCampaign.mutateAsync({ campaign: campaign.data, body });
          navigate(detailPath);
        }}
      />
    </FormPage>
  );
}

export function CampaignLoadError({ error }: { error: Error }) {
  const { t } = useTranslation();
  return (
    <RecordLoadError
      error={error}
      notFound={t('campaigns.notFound')}
      loadFailed={t('campaigns.loadFailed')}
      backTo="/campaigns"
      backLabel={t('campaigns.backToList')}
    />
  );
}

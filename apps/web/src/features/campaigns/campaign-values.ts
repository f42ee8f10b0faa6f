import type { FieldErrors, Resolver } from 'react-hook-form';
import { fromDateTimeLocal, toDateTimeLocal } from '../../lib/date-input';
import type { TCampaign, TCampaignInput, TConsentChannel } from './queries';

/*
 * The campaign form keeps its inputs as the strings the browser gives (datetime-local wall-clock times,
 * the cost as typed); `toCampaignInput` turns them into the API's body. The checks are the contract's
 * (code pattern, money) and the server's (end after start), worded as the server words them, so most
 * mistakes show before a request is made. Campaign amounts are in yuan: the contract's Money has no currency.
 */

export const CONSENT_CHANNELS = [
  'sms',
  'email',
  'phone',
  'wechat',
] as const satisfies readonly TConsentChannel[];
export const CAMPAIGN_CURRENCY = 'CNY';

const CODE = /^[A-Za-z0-9_-]{2,50}$/;
/** The contract's Money, without the sign: a cost is never negative. */
const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;

export type TCampaignFormValues = {
  code: string;
  name: string;
  channel: TConsentChannel;
  segmentId: string;
  startsAt: string;
  endsAt: string;
  cost: string;
  contentRef: string;
};

export type TCampaignField = keyof TCampaignFormValues;
export type TFormProblem = { path: TCampaignField; message: string };

/** The messages of the form's own checks; the server words its own the same way. */
export const CAMPAIGN_MESSAGES = {
  required: 'Required',
  code: 'Code must be 2-50 letters, digits, _ or -',
  codeTaken: 'A campaign with this code exists already.',
  amount: 'Must be an amount of 0 or more',
  endsAfterStarts: 'Must be after startsAt',
} as const;

/** A campaign as the form edits it; a new one starts on the SMS channel, free of charge. */
export function toFormValues(campaign?: TCampaign): TCampaignFormValues {
  if (!campaign)
    return {
      code: '',
      name: '',
      channel: 'sms',
      segmentId: '',
      startsAt: '',
      endsAt: '',
      cost: '0.00',
      contentRef: '',
    };
  return {
    code: campaign.code,
    name: campaign.name,
    channel: campaign.channel,
    segmentId: campaign.segment.id,
    startsAt: toDateTimeLocal(new Date(campaign.startsAt)),
    endsAt: toDateTimeLocal(new Date(campaign.endsAt)),
    cost: campaign.cost,
    contentRef: campaign.contentRef ?? '',
  };
}

export function campaignFormProblems(values: TCampaignFormValues): TFormProblem[] {
  const problems: TFormProblem[] = [];
  const add = (path: TCampaignField, message: string) => {
    if (!problems.some((problem) => problem.path === path)) problems.push({ path, message });
  };
  const code = values.code.trim();
  if (code === '') add('code', CAMPAIGN_MESSAGES.required);
  else if (!CODE.test(code)) add('code', CAMPAIGN_MESSAGES.code);
  if (values.name.trim() === '') add('name', CAMPAIGN_MESSAGES.required);
  if (values.segmentId === '') add('segmentId', CAMPAIGN_MESSAGES.required);
  const startsAt = fromDateTimeLocal(values.startsAt);
  const endsAt = fromDateTimeLocal(values.endsAt);
  if (startsAt === null) add('startsAt', CAMPAIGN_MESSAGES.required);
  if (endsAt === null) add('endsAt', CAMPAIGN_MESSAGES.required);
  if (startsAt !== null && endsAt !== null && Date.parse(endsAt) <= Date.parse(startsAt))
    add('endsAt', CAMPAIGN_MESSAGES.endsAfterStarts);
  const cost = values.cost.trim();
  if (cost === '') add('cost', CAMPAIGN_MESSAGES.required);
  else if (!AMOUNT.test(cost)) add('cost', CAMPAIGN_MESSAGES.amount);
  return problems;
}

/** The API body of values that pass `campaignFormProblems`. */
export function toCampaignInput(values: TCampaignFormValues): TCampaignInput {
  const contentRef = values.contentRef.trim();
  return {
    code: values.code.trim(),
    name: values.name.trim(),
    channel: values.channel,
    segmentId: values.segmentId,
    startsAt: fromDateTimeLocal(values.startsAt) ?? '',
    endsAt: fromDateTimeLocal(values.endsAt) ?? '',
    cost: values.cost.trim(),
    contentRef: contentRef === '' ? null : contentRef,
  };
}

/** Checks the values and, when they pass, hands the submit handler the API body. */
export const campaignFormResolver: Resolver<TCampaignFormValues, unknown, TCampaignInput> = async (
  values,
) => {
  const problems = campaignFormProblems(values);
  if (problems.length === 0) return { values: toCampaignInput(values), errors: {} };
  const errors: FieldErrors<TCampaignFormValues> = {};
  for (const problem of problems) errors[problem.path] = { type: 'validate', message: problem.message };
  return { values: {}, errors };
};

/**
 * ROI as a percentage in the UI's language (0.25 → 25%, −1 → −100%), to one decimal at most; a campaign
 * that cost nothing has none (null), shown as a dash.
 */
export function formatRoi(roi: number | null, locale: string): string {
  if (roi === null) return '—';
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(roi);
}

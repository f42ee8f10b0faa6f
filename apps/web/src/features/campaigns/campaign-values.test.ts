import { describe, expect, it } from 'vitest';
import { toDateTimeLocal } from '../../lib/date-input';
import {
  CAMPAIGN_MESSAGES,
  campaignFormProblems,
  formatRoi,
  type TCampaignFormValues,
  toCampaignInput,
  toFormValues,
} from './campaign-values';
import type { TCampaign } from './queries';

const valid: TCampaignFormValues = {
  code: ' SPRING-2026 ',
  name: ' 春季唤醒 ',
  channel: 'sms',
  segmentId: '0b7c2d3e-1f2a-4b5c-8d9e-0f1a2b3c4d5e',
  startsAt: '2026-03-01T09:00',
  endsAt: '2026-03-31T18:00',
  cost: '1200.50',
  contentRef: '  ',
};

const campaign: TCampaign = {
  id: '6a1f2e3d-4c5b-4a69-8877-665544332211',
  code: 'SPRING-2026',
  name: '春季唤醒',
  channel: 'email',
  segment: { id: valid.segmentId, name: '沉睡客户' },
  startsAt: '2026-03-01T01:00:00.000Z',
  endsAt: '2026-03-31T10:00:00.000Z',
  cost: '1200.50',
  contentRef: 'tpl-42',
  stats: { reach: 3, responses: 1, conversions: 1, attributedRevenue: '1500.00', roi: 0.249 },
  createdAt: '2026-02-20T00:00:00.000Z',
  updatedAt: '2026-02-20T00:00:00.000Z',
  version: 1,
};

describe('campaignFormProblems', () => {
  it('passes complete values', () => {
    expect(campaignFormProblems(valid)).toEqual([]);
  });

  it('asks for every required field of an empty form', () => {
    expect(campaignFormProblems({ ...toFormValues(), cost: '' }).map((problem) => problem.path)).toEqual([
      'code',
      'name',
      'segmentId',
      'startsAt',
      'endsAt',
      'cost',
    ]);
  });

  it('holds the code to the contract pattern', () => {
    expect(campaignFormProblems({ ...valid, code: '春季' })).toEqual([
      { path: 'code', message: CAMPAIGN_MESSAGES.code },
    ]);
    expect(campaignFormProblems({ ...valid, code: 'A' })).toHaveLength(1);
  });

  it('wants an end after the start', () => {
    expect(campaignFormProblems({ ...valid, endsAt: valid.startsAt })).toEqual([
      { path: 'endsAt', message: CAMPAIGN_MESSAGES.endsAfterStarts },
    ]);
  });

  it('takes a cost of 0 or more with at most two decimals', () => {
    for (const cost of ['0', '99', '99.9', '123456789012.00'])
      expect(campaignFormProblems({ ...valid, cost })).toEqual([]);
    for (const cost of ['-1', '1.234', '1,000', 'abc', '1234567890123'])
      expect(campaignFormProblems({ ...valid, cost })).toEqual([
        { path: 'cost', message: CAMPAIGN_MESSAGES.amount },
      ]);
  });
});

describe('toCampaignInput', () => {
  it('trims, turns local times into instants and an empty content reference into null', () => {
    expect(toCampaignInput(valid)).toEqual({
      code: 'SPRING-2026',
      name: '春季唤醒',
      channel: 'sms',
      segmentId: valid.segmentId,
      startsAt: new Date('2026-03-01T09:00').toISOString(),
      endsAt: new Date('2026-03-31T18:00').toISOString(),
      cost: '1200.50',
      contentRef: null,
    });
  });

  it('round-trips a stored campaign through the form', () => {
    const values = toFormValues(campaign);
    expect(values).toEqual({
      code: 'SPRING-2026',
      name: '春季唤醒',
      channel: 'email',
      segmentId: valid.segmentId,
      startsAt: toDateTimeLocal(new Date(campaign.startsAt)),
      endsAt: toDateTimeLocal(new Date(campaign.endsAt)),
      cost: '1200.50',
      contentRef: 'tpl-42',
    });
    expect(toCampaignInput(values)).toEqual({
      code: campaign.code,
      name: campaign.name,
      channel: campaign.channel,
      segmentId: campaign.segment.id,
      startsAt: campaign.startsAt,
      endsAt: campaign.endsAt,
      cost: campaign.cost,
      contentRef: campaign.contentRef,
    });
  });
});

describe('formatRoi', () => {
  it('shows the ratio as a signed percentage to one decimal', () => {
    expect(formatRoi(0.249, 'en')).toBe('+24.9%');
    expect(formatRoi(2, 'zh-CN')).toBe('+200%');
    expect(formatRoi(-1, 'en')).toBe('-100%');
    expect(formatRoi(0, 'en')).toBe('0%');
  });

  it('shows a dash where there is no ROI (no cost)', () => {
    expect(formatRoi(null, 'en')).toBe('—');
  });
});

import { describe, expect, it } from 'vitest';
import { selectedAmong } from './customer-selection';
import {
  bulkTaggingOf,
  bulkTaggingProblems,
  customersWithTagHref,
  NEW_TAG_COLOR,
  parseTagNames,
  type TTag,
  tagChipStyle,
  tagColorOf,
  tagColorsByName,
  tagFormValuesOf,
  tagInputOf,
  tagNamesProblem,
  UNDEFINED_TAG_COLOR,
} from './tag-values';

function tag(overrides: Partial<TTag> & Pick<TTag, 'name'>): TTag {
  return {
    color: null,
    description: null,
    kind: 'manual',
    isDefined: false,
    customerCount: 0,
    ...overrides,
  };
}

describe('tagColorOf', () => {
  it('shows a defined tag in its colour, lower-cased', () => {
    expect(tagColorOf(tag({ name: 'VIP', color: '#FF8800', isDefined: true }))).toBe('#ff8800');
  });

  it('falls back to grey for a tag nobody defined, an unknown one and a malformed colour', () => {
    expect(tagColorOf(tag({ name: '老客户' }))).toBe(UNDEFINED_TAG_COLOR);
    expect(tagColorOf(undefined)).toBe(UNDEFINED_TAG_COLOR);
    expect(tagColorOf(tag({ name: 'x', color: 'red' }))).toBe(UNDEFINED_TAG_COLOR);
  });

  it('looks colours up by the exact name (case and spaces matter)', () => {
    const colors = tagColorsByName([
      tag({ name: 'VIP', color: '#112233', isDefined: true }),
      tag({ name: 'vip ' }),
    ]);
    expect(colors.get('VIP')).toBe('#112233');
    expect(colors.get('vip ')).toBe(UNDEFINED_TAG_COLOR);
    expect(colors.get('vip')).toBeUndefined();
    expect(tagColorsByName(undefined).size).toBe(0);
  });

  it('washes the chip in a light tint of the colour, bordered by the colour itself', () => {
    expect(tagChipStyle('#112233')).toEqual({ borderColor: '#112233', backgroundColor: '#1122331f' });
  });
});

describe('parseTagNames', () => {
  it('splits on ASCII, full-width and ideographic commas, trimming and dropping blanks and repeats', () => {
    expect(parseTagNames(' 高价值, 复购，高价值、 ,VIP ')).toEqual(['高价值', '复购', 'VIP']);
    expect(parseTagNames('   ')).toEqual([]);
  });

  it('refuses what the API would: none, more than ten, or a name over 30 characters', () => {
    expect(tagNamesProblem([])).toBe('required');
    expect(tagNamesProblem(Array.from({ length: 11 }, (_, i) => `t${i}`))).toBe('tooMany');
    expect(tagNamesProblem(['x'.repeat(31)])).toBe('tooLong');
    expect(tagNamesProblem(['x'.repeat(30), '复购'])).toBeNull();
  });
});

describe('bulk tagging', () => {
  const sent = [
    { id: 'c0', displayName: '张三' },
    { id: 'c1', displayName: '李四' },
    { id: 'c2', displayName: '王五' },
    { id: 'c3', displayName: '广州某某科技有限公司' },
  ];

  it('sends the ids in the order picked, under add or remove', () => {
    expect(bulkTaggingOf(['c1', 'c0'], 'add', ['VIP'])).toEqual({ customerIds: ['c1', 'c0'], add: ['VIP'] });
    expect(bulkTaggingOf(['c2'], 'remove', ['VIP', '复购'])).toEqual({
      customerIds: ['c2'],
      remove: ['VIP', '复购'],
    });
  });

  it('maps /customerIds/3 back to the fourth customer sent', () => {
    expect(
      bulkTaggingProblems([{ path: '/customerIds/3', message: 'No such customer in your scope' }], sent),
    ).toEqual([{ customer: sent[3], message: 'No such customer in your scope' }]);
  });

  it('names no customer for problems elsewhere in the request or past the end of what was sent', () => {
    expect(
      bulkTaggingProblems(
        [
          { path: '/add/0', message: 'Must be at most 30 characters' },
          { path: '/customerIds/9', message: 'No such customer in your scope' },
          { path: '/customerIds/1/x', message: 'odd' },
        ],
        sent,
      ).map((problem) => problem.customer),
    ).toEqual([null, null, null]);
    expect(bulkTaggingProblems(undefined, sent)).toEqual([]);
  });

  it('keeps only the ticked customers still shown, in the order shown', () => {
    expect(selectedAmong(sent, new Set(['c3', 'gone', 'c1']))).toEqual([sent[1], sent[3]]);
  });
});

describe('the tag form', () => {
  it('starts a new or undefined tag with the default colour and a defined one with its own', () => {
    expect(tagFormValuesOf(null)).toEqual({
      name: '',
      color: NEW_TAG_COLOR,
      description: '',
      kind: 'manual',
    });
    expect(tagFormValuesOf(tag({ name: '复购', customerCount: 3 })).color).toBe(NEW_TAG_COLOR);
    expect(
      tagFormValuesOf(
        tag({ name: 'VIP', color: '#AA0000', description: '年消费过万', kind: 'automatic', isDefined: true }),
      ),
    ).toEqual({ name: 'VIP', color: '#aa0000', description: '年消费过万', kind: 'automatic' });
  });

  it('sends a blank description as none', () => {
    expect(tagInputOf({ name: 'VIP', color: '#AA0000', description: '  ', kind: 'manual' })).toEqual({
      color: '#aa0000',
      description: null,
      kind: 'manual',
    });
  });

  it('links a count to the customer list filtered by the tag, escaped', () => {
    expect(customersWithTagHref('高价值 & VIP')).toBe(
      `/customers?tag=${encodeURIComponent('高价值').replaceAll('%20', '+')}+%26+VIP`,
    );
  });
});

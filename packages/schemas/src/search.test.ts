import { describe, expect, it } from 'vitest';
import { cjkGrams, isCjk, normalizeSearchQuery } from './search';

describe('normalizeSearchQuery', () => {
  it.each([
    ['138-0013-8000', '13800138000'],
    [' +86 138 0013 8000 ', '8613800138000'],
    ['(010) 6552 9988', '01065529988'],
    ['８０００', '8000'],
    ['42', '42'],
  ])('treats %j as digits %s', (raw, value) => {
    expect(normalizeSearchQuery(raw)).toEqual({ kind: 'digits', value });
  });

  it.each([
    ['  Zhang   SAN ', 'zhang san'],
    ['张　三', '张 三'],
    ['ＡＢＣ Corp', 'abc corp'],
    ['7', '7'],
    ['Room 101', 'room 101'],
    ['a@b.com', 'a@b.com'],
    ['', ''],
    ['--', '--'],
  ])('treats %j as text %j', (raw, value) => {
    expect(normalizeSearchQuery(raw)).toEqual({ kind: 'text', value });
  });
});

describe('isCjk', () => {
  it('is true only for ideographs, optionally separated by spaces', () => {
    expect(isCjk('张三')).toBe(true);
    expect(isCjk('张 三')).toBe(true);
    expect(isCjk('㐀')).toBe(true);
    expect(isCjk('\uF900')).toBe(true);
    expect(isCjk('张三a')).toBe(false);
    expect(isCjk('张三，')).toBe(false);
    expect(isCjk('あ')).toBe(false);
    expect(isCjk('')).toBe(false);
    expect(isCjk('   ')).toBe(false);
  });
});

describe('cjkGrams', () => {
  it('returns the distinct unigrams and bigrams in order of appearance', () => {
    expect(cjkGrams('欧阳娜娜')).toEqual(['欧', '欧阳', '阳', '阳娜', '娜', '娜娜']);
  });

  it('does not build bigrams across other characters', () => {
    expect(cjkGrams('张三 李四')).toEqual(['张', '张三', '三', '李', '李四', '四']);
    expect(cjkGrams('王a五')).toEqual(['王', '五']);
  });

  it('returns nothing for text without ideographs', () => {
    expect(cjkGrams('Zhang San 123')).toEqual([]);
    expect(cjkGrams('')).toEqual([]);
  });
});

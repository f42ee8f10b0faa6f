import { HOME_COUNTRY, isKnownCountryCode } from '@cims/schemas';
import { describe, expect, it } from 'vitest';
import { countryName, countryOptions, ISO_COUNTRY_CODES } from './countries';

describe('country choices', () => {
  it('are the 249 ISO 3166-1 codes, each one the shared validator accepts', () => {
    expect(ISO_COUNTRY_CODES).toHaveLength(249);
    expect(new Set(ISO_COUNTRY_CODES).size).toBe(249);
    expect(ISO_COUNTRY_CODES.filter((code) => !isKnownCountryCode(code))).toEqual([]);
  });

  it('start with China, then follow the names in the UI language', () => {
    const english = countryOptions('en');
    expect(english[0]).toEqual({ code: HOME_COUNTRY, name: 'China' });
    const names = english.slice(1).map((option) => option.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('en').compare));
    expect(english.find((option) => option.code === 'AU')?.name).toBe('Australia');
    expect(countryOptions('zh-CN')[0]?.name).toBe('中国');
    expect(countryOptions('zh-CN').find((option) => option.code === 'AU')?.name).toBe('澳大利亚');
  });

  it('name a code outside the list as the platform knows it, or as it came', () => {
    expect(countryName('XK', 'en')).toBe('Kosovo');
    expect(countryName('QQ', 'en')).toBe('QQ');
  });
});

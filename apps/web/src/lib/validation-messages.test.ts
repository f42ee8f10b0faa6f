import { ZAddressInput, ZPersonInput } from '@cims/schemas';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { translateValidationMessage } from './validation-messages';

// Echoes the key and options, which is all these tests need to see what was looked up.
const t = ((key: string, options?: Record<string, unknown>) =>
  options ? `${key} ${JSON.stringify(options)}` : key) as unknown as TFunction;

describe('translateValidationMessage', () => {
  it('maps known schema messages to translation keys', () => {
    expect(translateValidationMessage(t, 'Not a valid phone number')).toBe('validation.phoneInvalid');
    expect(translateValidationMessage(t, 'Required')).toBe('validation.required');
  });

  it('keeps the numbers of parameterised messages', () => {
    expect(translateValidationMessage(t, 'Must be at most 20 characters')).toBe(
      'validation.maxLength {"max":"20"}',
    );
  });

  it('knows what exports, approvals and bulk tagging refuse', () => {
    expect(translateValidationMessage(t, 'A dashboard report is a PDF')).toBe('validation.dashboardPdfOnly');
    expect(translateValidationMessage(t, 'Only for a segment export')).toBe(
      'validation.onlyForSource {"source":"segment"}',
    );
    expect(translateValidationMessage(t, 'Both added and removed: 重点, VIP')).toBe(
      'validation.addedAndRemoved {"tags":"重点, VIP"}',
    );
  });

  it('translates the contact point type inside a message', () => {
    expect(translateValidationMessage(t, 'Only one phone contact point can be primary')).toBe(
      'validation.onePrimaryContactPoint {"type":"enums.contactPointType.phone"}',
    );
  });

  it('knows what the shared schemas say about addresses abroad and other ID documents', () => {
    const messages = [
      ZAddressInput.safeParse({ countryCode: 'QQ', detail: '1 Main Street' }),
      ZAddressInput.safeParse({ countryCode: 'US', provinceCode: '110000', detail: '1 Main Street' }),
      ZAddressInput.safeParse({
        countryCode: 'CN',
        provinceCode: '110000',
        postcode: '1000',
        detail: '建国路',
      }),
      ZAddressInput.safeParse({ countryCode: 'US', postcode: '#', detail: '1 Main Street' }),
      ZPersonInput.safeParse({ givenName: 'Anna', otherIdNumber: 'E1' }),
    ].flatMap((result) => result.error?.issues.map((issue) => issue.message) ?? []);
    expect(messages).toHaveLength(5);
    for (const message of messages) {
      expect(translateValidationMessage(t, message)).toMatch(/^validation\./);
    }
  });

  it('shows unknown messages unchanged rather than hiding them', () => {
    expect(translateValidationMessage(t, 'Something new')).toBe('Something new');
    expect(translateValidationMessage(t, undefined)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { buildSearchDocument, deriveCustomerColumns } from './derived-columns';

describe('derived customer columns', () => {
  const source = {
    kind: 'person' as const,
    displayName: '张三',
    familyName: '张',
    givenName: '三',
    tags: ['VIP'],
    contactPoints: [
      { type: 'phone' as const, value: '+861065529988', isPrimary: false },
      { type: 'phone' as const, value: '+8613800138000', isPrimary: true },
      { type: 'email' as const, value: 'zhang@example.com', isPrimary: true },
    ],
    addresses: [{ provinceCode: '440000', cityCode: '440300', isPrimary: true }],
  };

  it('puts phone digits in international and national (trunk-prefixed) form into the search text', () => {
    const document = buildSearchDocument(source);
    expect(document).toContain('861065529988');
    expect(document).toContain('01065529988');
    expect(document).toContain('13800138000');
    expect(document).toContain('vip');
    expect(document.split(' ').filter((part) => part === '张三')).toHaveLength(1);
  });

  it('takes the primaries for the list columns', () => {
    expect(deriveCustomerColumns(source)).toMatchObject({
      primaryPhone: '+8613800138000',
      primaryEmail: 'zhang@example.com',
      provinceCode: '440000',
      cityCode: '440300',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { maskEmail, normalizeEmail } from './email';

describe('normalizeEmail', () => {
  it.each([
    ['Zhang.San@Example.COM', 'zhang.san@example.com'],
    ['  li+crm@mail.example.cn ', 'li+crm@mail.example.cn'],
  ])('accepts %j as %s', (input, value) => {
    expect(normalizeEmail(input)).toEqual({ ok: true, value });
  });

  it.each([['zhang.san'], ['zhang@'], ['@example.com'], ['a b@example.com'], ['zhang@example'], ['']])(
    'rejects %j',
    (input) => {
      expect(normalizeEmail(input).ok).toBe(false);
    },
  );

  it('rejects addresses longer than SMTP allows', () => {
    expect(normalizeEmail(`${'a'.repeat(250)}@example.com`)).toEqual({
      ok: false,
      message: 'Email address must be at most 254 characters',
    });
  });
});

describe('maskEmail', () => {
  it('keeps the first character and the domain only', () => {
    expect(maskEmail('zhang.san@example.com')).toBe('z********@example.com');
    expect(maskEmail('ab@qq.com')).toBe('a***@qq.com');
    expect(maskEmail('not an email')).toBe('****');
  });
});

import { z } from 'zod';

export type TEmailResult = { ok: true; value: string } | { ok: false; message: string };

// RFC 5321 limits a forward path to 256 octets including the angle brackets.
const MAX_EMAIL_LENGTH = 254;
const emailSyntax = z.email();

/**
 * Lower-cases the whole address, local part included: RFC 5321 lets a server treat the local part as
 * case-sensitive, but no mainstream provider does, and duplicate detection needs one spelling per mailbox.
 */
export function normalizeEmail(input: string): TEmailResult {
  const value = input.trim().toLowerCase();
  if (value === '') {
    return { ok: false, message: 'Email address is empty' };
  }
  if (value.length > MAX_EMAIL_LENGTH) {
    return { ok: false, message: `Email address must be at most ${MAX_EMAIL_LENGTH} characters` };
  }
  if (!emailSyntax.safeParse(value).success) {
    return { ok: false, message: 'Not a valid email address' };
  }
  return { ok: true, value };
}

/** `zhang.san@example.com` → `z*******@example.com`: the domain stays readable, the mailbox does not. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '****';
  return `${email[0]}${'*'.repeat(Math.max(3, at - 1))}${email.slice(at)}`;
}

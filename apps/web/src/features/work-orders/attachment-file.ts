import type { TAttachmentType } from './queries';

/** What the server takes (uploadWorkOrderAttachment): these types, up to 10 MB each. */
export const ATTACHMENT_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/pdf',
] as const satisfies readonly TAttachmentType[];
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_ACCEPT = ATTACHMENT_TYPES.join(',');

const TYPES_BY_EXTENSION: Record<string, TAttachmentType> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  pdf: 'application/pdf',
};

export type TAttachmentCheck =
  | { isAccepted: true; contentType: TAttachmentType }
  | { isAccepted: false; reason: 'wrongType' | 'tooLarge' | 'empty' };

/**
 * Checks a chosen file before it goes up, so the common mistakes are caught without a round trip. The
 * browser's type is used when it names one the server takes; some systems report none, and then the
 * extension decides. The server still checks the content's first bytes.
 */
export function checkAttachmentFile(file: Pick<File, 'name' | 'type' | 'size'>): TAttachmentCheck {
  const byType = ATTACHMENT_TYPES.find((type) => type === file.type);
  const extension = file.name.includes('.') ? (file.name.split('.').pop() ?? '').toLowerCase() : '';
  const contentType = byType ?? (file.type === '' ? TYPES_BY_EXTENSION[extension] : undefined);
  if (!contentType) return { isAccepted: false, reason: 'wrongType' };
  if (file.size === 0) return { isAccepted: false, reason: 'empty' };
  if (file.size > MAX_ATTACHMENT_BYTES) return { isAccepted: false, reason: 'tooLarge' };
  return { isAccepted: true, contentType };
}

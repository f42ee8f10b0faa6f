import { describe, expect, it } from 'vitest';
import { checkAttachmentFile, MAX_ATTACHMENT_BYTES } from './attachment-file';

describe('checkAttachmentFile', () => {
  it('takes the browser type when the server accepts it', () => {
    expect(checkAttachmentFile({ name: '故障照片.png', type: 'image/png', size: 2048 })).toEqual({
      isAccepted: true,
      contentType: 'image/png',
    });
    expect(checkAttachmentFile({ name: 'invoice', type: 'application/pdf', size: 10 })).toEqual({
      isAccepted: true,
      contentType: 'application/pdf',
    });
  });

  it('falls back to the extension only when the browser names no type', () => {
    expect(checkAttachmentFile({ name: 'scan.JPG', type: '', size: 10 })).toEqual({
      isAccepted: true,
      contentType: 'image/jpeg',
    });
    expect(checkAttachmentFile({ name: 'photo.png', type: 'image/gif', size: 10 })).toEqual({
      isAccepted: false,
      reason: 'wrongType',
    });
    expect(checkAttachmentFile({ name: 'README', type: '', size: 10 })).toEqual({
      isAccepted: false,
      reason: 'wrongType',
    });
  });

  it('refuses empty files and files over 10 MB', () => {
    expect(checkAttachmentFile({ name: 'a.webp', type: 'image/webp', size: 0 })).toEqual({
      isAccepted: false,
      reason: 'empty',
    });
    expect(
      checkAttachmentFile({ name: 'a.pdf', type: 'application/pdf', size: MAX_ATTACHMENT_BYTES }),
    ).toMatchObject({ isAccepted: true });
    expect(
      checkAttachmentFile({ name: 'a.pdf', type: 'application/pdf', size: MAX_ATTACHMENT_BYTES + 1 }),
    ).toEqual({ isAccepted: false, reason: 'tooLarge' });
  });
});

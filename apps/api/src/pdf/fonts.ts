/**
 * The CJK font for PDF output. Chinese text needs one, which no npm package ships whole; the server uses
 * CIMS_PDF_FONT or the Noto CJK fonts of the operating system (`apt-get install fonts-noto-cjk`), and
 * answers 503 when neither exists rather than print empty boxes.
 */
import { existsSync } from 'node:fs';
import { DomainError } from '../http/errors';

const fontCandidates = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
];

export function cjkFont(): { path: string; family?: string } {
  if (process.env.CIMS_PDF_FONT) return { path: process.env.CIMS_PDF_FONT };
  const found = fontCandidates.find((candidate) => existsSync(candidate.path));
  if (!found) {
    throw new DomainError(
      'unavailable',
      'No CJK font is installed for PDF output; set CIMS_PDF_FONT or install fonts-noto-cjk.',
    );
  }
  return found;
}

/**
 * The file formats of exports, writing rows as they come: CSV (formula-safe cells, a BOM for Excel),
 * XLSX through exceljs's streaming writer (typed text cells, never formulas) and PDF tables through pdfkit
 * with a CJK font. Each starts with the watermark line; XLSX also carries it in the page header and footer,
 * PDF on every page. The streams wait while their reader is slow (`hasRoom`), so a large export never
 * sits in memory.
 */
import { PassThrough, type Readable, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { cjkFont } from '../../pdf/fonts';
import { safeCell } from './safe-cell';

export type Cell = string | number | null;

/** Where an export that fails midway is reported. */
export type ExportErrorLog = (error: unknown, exportId: string) => void;

/** The last line of a CSV export that failed midway, so that the file cannot pass for a whole one. */
export const incompleteMarker = '# incomplete export';

export interface StreamInput {
  watermark: string;
  exportId: string;
  /** The column names, written after the watermark. */
  header: string[];
  records: AsyncIterable<Cell[]>;
  logError: ExportErrorLog;
}

/**
 * Resolves once `stream` has room again (`writableNeedDrain`: a write to it returned false), or once
 * `output` is gone (the client went away); true if the export should go on.
 */
async function hasRoom(stream: Writable, output: Readable): Promise<boolean> {
  if (stream.writableNeedDrain && !output.destroyed)
    await new Promise<void>((resolve) => {
      const done = () => {
        stream.off('drain', done);
        output.off('close', done);
        resolve();
      };
      stream.on('drain', done);
      output.on('close', done);
    });
  return !output.destroyed;
}

export function csvStream({ watermark, exportId, header, records, logError }: StreamInput): Readable {
  const output = new PassThrough();
  // A BOM so that Excel reads the UTF-8 Chinese text correctly.
  output.write('\uFEFF');
  const csv = stringify();
  // Ended below, after the last record or after the marker of an export cut short.
  csv.pipe(output, { end: false });
  const closed = new Promise((resolve) => output.once('close', resolve));
  const flushed = () => Promise.race([finished(csv).catch(() => undefined), closed]);
  void (async () => {
    try {
      csv.write([safeCell(watermark)]);
      csv.write(header);
      for await (const record of records) {
        csv.write(record.map(safeCell));
        if (!(await hasRoom(csv, output))) return;
      }
      csv.end();
      await flushed();
      output.end();
    } catch (error) {
      logError(error, exportId);
      // The rows so far, then a line saying the file is not whole.
      if (!csv.destroyed) {
        csv.end();
        await flushed();
      }
      output.end(`${incompleteMarker}\n`);
    }
  })();
  return output;
}

/** A worksheet name Excel accepts: none of `[ ] : * ? / \`, at most 31 characters (not halves of one). */
export function sheetNameOf(title: string) {
  return Array.from(title.replace(/[[\]:*?/\\]/g, ' '))
    .slice(0, 31)
    .join('')
    .trim();
}

/** Excel's header and footer take `&` codes (&P, &D, &"font"…); a literal ampersand is `&&`. */
export const headerFooterText = (text: string) => text.replaceAll('&', '&&');

export function xlsxStream({
  watermark,
  exportId,
  header,
  records,
  logError,
  exporter,
  sheetName,
}: StreamInput & { exporter: string; sheetName: string }): Readable {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true });
  workbook.creator = exporter;
  const sheet = workbook.addWorksheet(sheetNameOf(sheetName), {
    headerFooter: { oddHeader: headerFooterText(watermark), oddFooter: headerFooterText(watermark) },
  });
  void (async () => {
    try {
      sheet.addRow([watermark]).commit();
      const head = sheet.addRow(header);
      head.font = { bold: true };
      head.commit();
      for await (const record of records) {
        // Typed string cells: a spreadsheet shows them as text and never runs them, so no escaping here.
        sheet.addRow(record).commit();
        // The zip streams into `output`; wait while the client has not read what is there.
        if (!(await hasRoom(output, output))) return;
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      logError(error, exportId);
      // A zip cut short cannot be opened, so the client cannot mistake it for a whole file.
      output.destroy(error as Error);
    }
  })();
  return output;
}

const pdfMargin = 36;

/**
 * A PDF document in the CJK font (registered as `body`) with the watermark stamped at the top of every
 * page and across it, faintly, so that a printout or a screenshot still names its exporter.
 */
export function watermarkedPdf(input: {
  title: string;
  watermark: string;
  layout: 'portrait' | 'landscape';
}) {
  const font = cjkFont();
  const doc = new PDFDocument({
    size: 'A4',
    layout: input.layout,
    margins: { top: pdfMargin + 14, bottom: pdfMargin, left: pdfMargin, right: pdfMargin },
    info: { Title: input.title },
  });
  doc.registerFont('body', font.path, font.family);
  const stamp = () => {
    const { width, height } = doc.page;
    const { x, y } = doc;
    doc.save();
    doc.font('body').fontSize(7).fillColor('#777777');
    doc.text(input.watermark, pdfMargin, 18, {
      width: width - 2 * pdfMargin,
      height: 10,
      lineBreak: false,
      ellipsis: true,
    });
    doc
      .rotate(-30, { origin: [width / 2, height / 2] })
      .fontSize(28)
      .fillColor('#000000')
      .fillOpacity(0.06)
      .text(input.watermark.split(' · ').slice(0, 2).join(' · '), 0, height / 2 - 14, {
        width,
        align: 'center',
        lineBreak: false,
      });
    doc.restore();
    doc.font('body').fontSize(9).fillColor('#000000');
    doc.x = x;
    doc.y = y;
  };
  doc.on('pageAdded', stamp);
  stamp();
  return doc;
}

/**
 * Cells of plain ASCII (ids, phones, emails, times, codes) are set in the PDF's built-in Helvetica: the
 * CJK font shapes Latin text through its large OpenType tables, about a millisecond per string, which
 * made those cells most of a PDF's cost.
 */
const isPlainAscii = (text: string) => /^[\x20-\x7e]*$/.test(text);

/**
 * The text cut to `width` with an ellipsis, by a binary search over its characters: pdfkit's own
 * ellipsis drops one character at a time and measures again, which made long cells the cost of a PDF.
 */
function fitted(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  const characters = Array.from(text);
  let [low, high] = [0, characters.length];
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (doc.widthOfString(`${characters.slice(0, middle).join('')}…`) <= width) low = middle;
    else high = middle - 1;
  }
  return `${characters.slice(0, low).join('')}…`;
}

/** The usable width of the current page. */
export function pageContentWidth(doc: PDFKit.PDFDocument) {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/**
 * Draws a table from the current position, column widths by `weights`, starting a new page (with the
 * header again) whenever the rows reach the bottom margin. Cells are cut to one line with an ellipsis.
 */
export async function drawPdfTable(
  doc: PDFKit.PDFDocument,
  input: { header: string[]; records: AsyncIterable<Cell[]>; weights?: number[]; fontSize?: number },
) {
  const fontSize = input.fontSize ?? 8;
  const rowHeight = fontSize + 7;
  const left = doc.page.margins.left;
  const weights = input.weights ?? input.header.map(() => 1);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const widths = weights.map((weight) => (pageContentWidth(doc) * weight) / total);
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const drawRow = (cells: Cell[], isHeader: boolean) => {
    if (doc.y + rowHeight > bottom()) {
      doc.addPage();
      if (!isHeader) drawRow(input.header, true);
    }
    const y = doc.y;
    if (isHeader) doc.rect(left, y, pageContentWidth(doc), rowHeight).fill('#eef1f6');
    doc.fillColor('#000000').fontSize(fontSize);
    let x = left;
    cells.forEach((cell, index) => {
      const width = widths[index] ?? 0;
      const text = cell === null ? '' : String(cell);
      doc.font(isPlainAscii(text) ? 'Helvetica' : 'body');
      doc.text(fitted(doc, text, width - 4), x + 2, y + 3, { lineBreak: false });
      x += width;
    });
    doc
      .moveTo(left, y + rowHeight)
      .lineTo(left + pageContentWidth(doc), y + rowHeight)
      .lineWidth(0.3)
      .stroke('#cccccc');
    doc.x = left;
    doc.y = y + rowHeight;
  };
  drawRow(input.header, true);
  for await (const record of input.records) drawRow(record, false);
  doc.font('body');
}

/** A PDF of one table (customer or work-order lists); an export that fails midway says so on its last page. */
export function pdfTableStream({
  watermark,
  exportId,
  header,
  records,
  logError,
  title,
  weights,
}: StreamInput & { title: string; weights?: number[] }): Readable {
  const doc = watermarkedPdf({ title, watermark, layout: 'landscape' });
  const output = new PassThrough();
  doc.pipe(output);
  void (async () => {
    doc.fontSize(14).text(title).moveDown(0.5);
    try {
      await drawPdfTable(doc, { header, records, weights });
    } catch (error) {
      logError(error, exportId);
      doc.moveDown().fontSize(12).fillColor('#b00020').text(`${incompleteMarker} · 导出未完成`);
    }
    doc.end();
  })();
  return output;
}

/** The export streams on their own: a failure midway, and a client that reads slowly. */
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it, vi } from 'vitest';
import { csvStream, headerFooterText, incompleteMarker, sheetNameOf, xlsxStream } from './file-writers';

async function readAll(stream: Readable) {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

const header = ['a', 'b', 'c', 'd', 'e'];

describe('export streams', () => {
  it('ends a CSV that fails midway with the rows so far and a marker line, and logs the export id', async () => {
    const logError = vi.fn();
    async function* records() {
      yield ['1', '=cmd', '+8613800138000', null, 5];
      yield ['2', 'b', null, null, 6];
      throw new Error('connection lost');
    }
    const text = (
      await readAll(
        csvStream({ watermark: 'wm', exportId: 'export-1', header, records: records(), logError }),
      )
    ).toString('utf8');
    const lines = text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\n');
    expect(lines[2]).toBe("1,'=cmd,'+8613800138000,,5");
    expect(lines[3]).toBe('2,b,,,6');
    expect(lines.at(-1)).toBe(incompleteMarker);
    expect(logError).toHaveBeenCalledWith(
      expect.objectContaining({ message: 'connection lost' }),
      'export-1',
    );
  });

  it('ends a whole CSV without the marker', async () => {
    async function* records() {
      yield ['1', 'a'];
    }
    const text = (
      await readAll(
        csvStream({ watermark: 'wm', exportId: 'e', header, records: records(), logError: vi.fn() }),
      )
    ).toString('utf8');
    expect(text).not.toContain(incompleteMarker);
    expect(text.trimEnd().split('\n').at(-1)).toBe('1,a');
  });

  it('writes XLSX rows only as fast as the client reads them', async () => {
    const total = 50_000;
    let pulled = 0;
    async function* records() {
      for (; pulled < total; ) {
        pulled++;
        // Incompressible text, so that the zip really grows; a turn of the event loop now and then, as
        // between pages of members.
        yield [String(pulled), randomBytes(48).toString('hex')];
        if (pulled % 200 === 0) await nextTurn();
      }
    }
    const output = xlsxStream({
      watermark: 'wm',
      exportId: 'e',
      exporter: 'x',
      sheetName: 'sheet',
      header,
      records: records(),
      logError: vi.fn(),
    });
    // Nobody reads: the writer must stop pulling rows (without backpressure it would pull them all).
    const pause = () => new Promise((resolve) => setTimeout(resolve, 250));
    let stalled = -1;
    for (let tries = 0; tries < 40 && stalled !== pulled; tries++) {
      stalled = pulled;
      await pause();
    }
    await pause();
    expect(pulled).toBe(stalled);
    expect(stalled).toBeLessThan(total / 2);
    // Once read, the whole file comes.
    const file = await readAll(output);
    expect(pulled).toBe(total);
    expect(file.subarray(0, 2).toString()).toBe('PK');
  }, 30_000);

  it('doubles ampersands for the XLSX header and footer', () => {
    expect(headerFooterText('R&D & 售后')).toBe('R&&D && 售后');
  });
});

describe('sheet names', () => {
  it('drops what Excel refuses and keeps whole characters within 31', () => {
    expect(sheetNameOf('分群 Segment: a/b [测试]*?')).toBe('分群 Segment  a b  测试');
    const long = sheetNameOf(`${'客'.repeat(30)}😀😀`);
    expect(Array.from(long)).toHaveLength(31);
    expect(long.endsWith('😀')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { safeCell } from './safe-cell';

describe('safeCell', () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', `'=HYPERLINK("http://evil","x")`],
    ['+86 138', `'+86 138`],
    ['-1+1', `'-1+1`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tcmd', `'\tcmd`],
    ['\rcmd', `'\rcmd`],
  ])('escapes %j', (input, expected) => {
    expect(safeCell(input)).toBe(expected);
  });

  it('leaves other text, numbers and empty cells as they are', () => {
    expect(safeCell('张三 = 李四')).toBe('张三 = 李四');
    expect(safeCell(-5)).toBe(-5);
    expect(safeCell(null)).toBe('');
  });
});

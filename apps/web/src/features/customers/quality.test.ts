import { describe, expect, it } from 'vitest';
import { qualityBandOf } from './quality';

describe('qualityBandOf', () => {
  it('puts each score in the band the data-quality summary counts it in', () => {
    expect(qualityBandOf(0)).toBe('poor');
    expect(qualityBandOf(39)).toBe('poor');
    expect(qualityBandOf(40)).toBe('fair');
    expect(qualityBandOf(69)).toBe('fair');
    expect(qualityBandOf(70)).toBe('good');
    expect(qualityBandOf(89)).toBe('good');
    expect(qualityBandOf(90)).toBe('excellent');
    expect(qualityBandOf(100)).toBe('excellent');
  });
});

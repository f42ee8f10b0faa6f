export const QUALITY_BANDS = ['poor', 'fair', 'good', 'excellent'] as const;
export type TQualityBand = (typeof QUALITY_BANDS)[number];

/** The lowest score of each band, as the data-quality summary counts them (DataQualitySummary.scoreBands). */
const BAND_FLOORS: readonly [TQualityBand, number][] = [
  ['excellent', 90],
  ['good', 70],
  ['fair', 40],
  ['poor', 0],
];

export function qualityBandOf(score: number): TQualityBand {
  return BAND_FLOORS.find(([, floor]) => score >= floor)?.[0] ?? 'poor';
}

/** The "quality below" filter's choices: customers under the floor of each band above poor. */
export const QUALITY_BELOW_OPTIONS = [40, 70, 90] as const;

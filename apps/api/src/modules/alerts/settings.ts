import type { components } from '@cims/api-client';

export type AnomalySettings = components['schemas']['AnomalySettings'];

export const defaultAnomalySettings: AnomalySettings = {
  bulkRevealPerHour: 20,
  bulkExportPerHour: 5,
  failedSignInsPer15Minutes: 5,
  workingHours: { start: '08:00', end: '20:00', days: [1, 2, 3, 4, 5, 6], timeZone: 'Asia/Shanghai' },
  unusualVolumeFactor: 5,
  unusualVolumeMinimum: 50,
};

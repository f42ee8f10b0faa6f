import type { components } from '@cims/api-client';

/*
 * The value tier settings form as pure functions: the numbers stay the text typed until saved; what is
 * sent is checked first the way the server checks it (ranges, ascending cut points, A above B above C),
 * with the same JSON Pointers and words, so both kinds of problem show in the same places.
 */

export type TValueTierSettings = components['schemas']['ValueTierSettings'];
export type TValueTierMethod = TValueTierSettings['method'];
export const VALUE_TIER_METHODS = ['quintiles', 'thresholds'] as const satisfies readonly TValueTierMethod[];
export const CUT_LISTS = ['recencyDays', 'frequencyCounts', 'monetaryAmounts'] as const;
export const TIERS = ['A', 'B', 'C'] as const;

type TCutList = (typeof CUT_LISTS)[number];
type TTierTexts = Record<(typeof TIERS)[number], string>;
type TCutTexts = [string, string, string, string];

export type TValueTierFormValues = {
  windowDays: string;
  method: TValueTierMethod;
  cuts: Record<TCutList, TCutTexts>;
  tierMinimums: TTierTexts;
  isOrganizationRuleEnabled: boolean;
  organizationMinimums: TTierTexts;
};

export type TProblem = { path: string; message: string };

const WINDOW_DAYS = { min: 30, max: 3650 } as const;
const TOTAL_SCORE = { min: 3, max: 15 } as const;

function texts<T extends readonly number[]>(values: T): TCutTexts {
  return values.map(String) as TCutTexts;
}

function tierTexts(values: Record<'A' | 'B' | 'C', number>): TTierTexts {
  return { A: String(values.A), B: String(values.B), C: String(values.C) };
}

export function valueTierFormValuesOf(settings: TValueTierSettings): TValueTierFormValues {
  return {
    windowDays: String(settings.windowDays),
    method: settings.method,
    cuts: {
      recencyDays: texts(settings.recencyDays),
      frequencyCounts: texts(settings.frequencyCounts),
      monetaryAmounts: texts(settings.monetaryAmounts),
    },
    tierMinimums: tierTexts(settings.tierMinimums),
    isOrganizationRuleEnabled: settings.organizationRule.isEnabled,
    organizationMinimums: tierTexts(settings.organizationRule.minimumAmounts),
  };
}

/** Reads the typed numbers, noting a problem at its path for each that is not what the field takes. */
function reader(problems: TProblem[]) {
  const whole = (path: string, text: string, range: { min: number; max?: number }) => {
    const value = Number(text.trim());
    const isValid =
      /^\d+$/.test(text.trim()) && value >= range.min && (range.max === undefined || value <= range.max);
    if (!isValid)
      problems.push({
        path,
        message:
          range.max === undefined
            ? `Must be a whole number of ${range.min} or more`
            : `Must be a whole number from ${range.min} to ${range.max}`,
      });
    return value;
  };
  const amount = (path: string, text: string) => {
    if (!/^\d+(\.\d{1,2})?$/.test(text.trim()))
      problems.push({ path, message: 'Must be an amount of 0 or more' });
    return Number(text.trim());
  };
  return { whole, amount };
}

function checkAscending(path: string, values: readonly number[], problems: TProblem[]) {
  if (values.some((value, index) => index > 0 && value <= (values[index - 1] as number)))
    problems.push({ path, message: 'Must be strictly ascending' });
}

function checkDescending(path: string, { A, B, C }: Record<'A' | 'B' | 'C', number>, problems: TProblem[]) {
  if (!(A > B && B > C)) problems.push({ path, message: 'A must be above B, and B above C' });
}

/** The settings to save, or the problems that keep the form from being saved. */
export function valueTierSettingsOf(
  values: TValueTierFormValues,
): { settings: TValueTierSettings; problems: [] } | { settings: null; problems: TProblem[] } {
  const problems: TProblem[] = [];
  const read = reader(problems);
  const cutsOf = (list: TCutList) => {
    const found = problems.length;
    const cuts = values.cuts[list].map((text, index) =>
      list === 'monetaryAmounts'
        ? read.amount(`/${list}/${index}`, text)
        : read.whole(`/${list}/${index}`, text, { min: 1 }),
    );
    // The order is only worth checking once every value is a number.
    if (problems.length === found) checkAscending(`/${list}`, cuts, problems);
    return cuts;
  };
  const tiersOf = (path: string, tierValues: TTierTexts, isAmount: boolean) => {
    const found = problems.length;
    const [A, B, C] = TIERS.map((tier) =>
      isAmount
        ? read.amount(`${path}/${tier}`, tierValues[tier])
        : read.whole(`${path}/${tier}`, tierValues[tier], TOTAL_SCORE),
    ) as [number, number, number];
    const tiers = { A, B, C };
    if (problems.length === found) checkDescending(path, tiers, problems);
    return tiers;
  };

  const windowDays = read.whole('/windowDays', values.windowDays, WINDOW_DAYS);
  const recencyDays = cutsOf('recencyDays');
  const frequencyCounts = cutsOf('frequencyCounts');
  const monetaryAmounts = cutsOf('monetaryAmounts');
  const tierMinimums = tiersOf('/tierMinimums', values.tierMinimums, false);
  const minimumAmounts = tiersOf('/organizationRule/minimumAmounts', values.organizationMinimums, true);
  if (problems.length > 0) return { settings: null, problems };
  return {
    settings: {
      windowDays,
      method: values.method,
      recencyDays,
      frequencyCounts,
      monetaryAmounts,
      tierMinimums,
      organizationRule: { isEnabled: values.isOrganizationRuleEnabled, minimumAmounts },
    },
    problems: [],
  };
}

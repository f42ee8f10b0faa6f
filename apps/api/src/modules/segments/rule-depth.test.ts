/** Rules nested far deeper than any rule may be are refused before the schema validation recurses into them. */
import { describe, expect, it } from 'vitest';
import { createTestApp, uniqueMarker } from '../../../test/app';

describe('deeply nested rules', async () => {
  const t = await createTestApp();
  const marketing = await t.signIn('marketing');
  const nested = (levels: number) => {
    let rule: unknown = { type: 'field', field: 'kind', operator: 'eq', value: 'person' };
    for (let n = 0; n < levels; n++) rule = { type: 'not', rule };
    return rule;
  };

  it.each([
    ['POST', '/api/v1/segments/preview', (rule: unknown) => ({ rule })],
    ['POST', '/api/v1/segments', (rule: unknown) => ({ name: uniqueMarker('deep'), kind: 'dynamic', rule })],
  ] as const)('answers 422 naming /rule for 3000 levels of not (%s %s)', async (method, url, body) => {
    const response = await marketing.request({ method, url, payload: body(nested(3000)) });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(422);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json().errors).toEqual([{ path: '/rule', message: expect.stringContaining('40') }]);
  });

  it('leaves a rule within the depth limit to the rule checks', async () => {
    const response = await marketing.request({
      method: 'POST',
      url: '/api/v1/segments/preview',
      payload: { rule: nested(10) },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors[0].message).toBe('Rules may nest at most 6 levels');
  });
});

import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api';
import { unwrapHeldOr } from './approval-outcome';

function answer<T>(status: number, data?: T, error?: unknown) {
  return Promise.resolve({ data, error, response: new Response(null, { status }) });
}

describe('unwrapHeldOr', () => {
  it('tells a held write (202) from a done one (200) by the status', async () => {
    const approval = { id: 'a1', kind: 'reveal', status: 'pending' };
    await expect(unwrapHeldOr(answer(202, approval))).resolves.toEqual({ isHeld: true, approval });
    await expect(unwrapHeldOr(answer(200, { field: 'birthDate', values: ['1990-01-02'] }))).resolves.toEqual({
      isHeld: false,
      result: { field: 'birthDate', values: ['1990-01-02'] },
    });
  });

  it('still throws the problem of a failed write', async () => {
    const problem = { type: 'about:blank', title: 'Forbidden', status: 403, code: 'forbidden' };
    await expect(unwrapHeldOr(answer(403, undefined, problem))).rejects.toBeInstanceOf(ApiError);
  });
});

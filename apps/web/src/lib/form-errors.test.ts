import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { applyFieldErrors, pointerToFieldPath } from './form-errors';

describe('pointerToFieldPath', () => {
  it('turns JSON Pointers into react-hook-form paths', () => {
    expect(pointerToFieldPath('/person/residentIdNumber')).toBe('person.residentIdNumber');
    expect(pointerToFieldPath('/contactPoints/0/value')).toBe('contactPoints.0.value');
  });

  it('unescapes ~1 and ~0 in that order', () => {
    expect(pointerToFieldPath('/a~1b/c~0d/e~01')).toBe('a/b.c~d.e~1');
  });

  it('gives an empty path for the whole document', () => {
    expect(pointerToFieldPath('')).toBe('');
  });
});

describe('applyFieldErrors', () => {
  const problem = new ApiError({
    type: 'https://cims.dev/problems/validation_failed',
    title: 'Validation failed',
    status: 422,
    code: 'validation_failed',
    errors: [
      { path: '/contactPoints/0/value', message: 'Not a valid phone number' },
      { path: '/query/limit', message: 'Too large' },
    ],
  });

  it('puts rendered fields on the form and returns the rest', () => {
    const set: [string, string | undefined][] = [];
    const unshown = applyFieldErrors({
      error: problem,
      setError: (name, error) => {
        set.push([name, error.message]);
      },
      isRenderedField: (path) => path.startsWith('contactPoints.'),
    });
    expect(set).toEqual([['contactPoints.0.value', 'Not a valid phone number']]);
    expect(unshown).toEqual([{ path: '/query/limit', message: 'Too large' }]);
  });

  it('maps body pointers to the form paths a form shaped unlike the body uses', () => {
    const set: string[] = [];
    const unshown = applyFieldErrors({
      error: problem,
      setError: (name) => {
        set.push(name);
      },
      isRenderedField: (path) => path === 'phones.first',
      toFieldPath: (pointer) => (pointer === '/contactPoints/0/value' ? 'phones.first' : pointer),
    });
    expect(set).toEqual(['phones.first']);
    expect(unshown).toHaveLength(1);
  });
});

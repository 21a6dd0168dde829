import { describe, expect, it } from 'vitest';
import { checkNationalId, makeNationalId, maskNationalId, nationalIdCheckChar, normaliseNationalId } from './national-id.js';

const TODAY = new Date('2026-11-27T00:00:00Z');

describe('national ID', () => {
  it('accepts the GB 11643 example numbers and computes their check characters', () => {
    // The standard's published examples.
    expect(nationalIdCheckChar('11010519491231002')).toBe('X');
    expect(nationalIdCheckChar('44052418800101001')).toBe('4');
    expect(checkNationalId('11010519491231002X', TODAY)).toEqual({ ok: true, value: '11010519491231002X', birthDate: '1949-12-31' });
    expect(checkNationalId(' 11010519491231002x ', TODAY)).toMatchObject({ ok: true, value: '11010519491231002X' });
  });

  it('refuses a wrong check character, a bad format and impossible or future birth dates', () => {
    expect(checkNationalId('110105194912310021', TODAY)).toEqual({ ok: false, problem: 'check_digit' });
    expect(checkNationalId('1101051949123100', TODAY)).toEqual({ ok: false, problem: 'format' });
    expect(checkNationalId('11010519491231002Y', TODAY)).toEqual({ ok: false, problem: 'format' });
    expect(checkNationalId(makeNationalId('310117', '20010230', 1), TODAY)).toEqual({ ok: false, problem: 'birth_date' });
    expect(checkNationalId(makeNationalId('310117', '20300101', 1), TODAY)).toEqual({ ok: false, problem: 'birth_date' });
    expect(checkNationalId(makeNationalId('310117', '18991231', 1), TODAY)).toEqual({ ok: false, problem: 'birth_date' });
  });

  it('makes valid numbers for seeds and tests', () => {
    for (let i = 0; i < 200; i++) {
      const id = makeNationalId('310117', '20030615', i);
      expect(checkNationalId(id, TODAY).ok).toBe(true);
    }
  });

  it('masks all but the first and last four characters', () => {
    expect(maskNationalId('31011720030615123X')).toBe('3101**********123X');
    expect(maskNationalId('31011720030615123x')).toBe('3101**********123X');
    expect(maskNationalId('1234')).toBe('****');
    expect(normaliseNationalId('3101 1720 0306 15123x')).toBe('31011720030615123X');
  });
});

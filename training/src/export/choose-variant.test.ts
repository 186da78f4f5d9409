import { describe, expect, it } from 'vitest';
import { chooseVariant } from './choose-variant';

describe('chooseVariant', () => {
  const f32 = { dtype: 'float32' as const, bytes: 8_000, validAuc: 0.8 };
  it('ships the smallest variant within 0.005 valid AUC of float32', () => {
    const f16 = { dtype: 'float16' as const, bytes: 4_000, validAuc: 0.799 };
    const u8 = { dtype: 'uint8' as const, bytes: 2_000, validAuc: 0.7951 };
    expect(chooseVariant([f32, f16, u8])).toBe(u8);
  });
  it('falls back to a larger variant when the smallest loses more than 0.005', () => {
    const f16 = { dtype: 'float16' as const, bytes: 4_000, validAuc: 0.81 };
    const u8 = { dtype: 'uint8' as const, bytes: 2_000, validAuc: 0.7949 };
    expect(chooseVariant([f32, f16, u8])).toBe(f16);
    expect(chooseVariant([f32, { ...f16, validAuc: 0.79 }, u8])).toBe(f32);
  });
  it('needs the float32 reference', () => {
    expect(() => chooseVariant([{ dtype: 'uint8', bytes: 1, validAuc: 0.9 }])).toThrow(/float32/);
  });
});

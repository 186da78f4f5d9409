import { describe, expect, it } from 'vitest';
import { base64DecodedLength, base64ToBytes, bytesToBase64 } from './base64';

describe('base64', () => {
  it('round-trips every byte value and large buffers', () => {
    const bytes = new Uint8Array(200_000).map((_, i) => (i * 7919) % 256);
    const text = bytesToBase64(bytes);
    expect(base64DecodedLength(text)).toBe(bytes.length);
    expect(base64ToBytes(text)).toEqual(bytes);
  });

  it('rejects non-canonical input', () => {
    for (const bad of ['abc', 'ab=c', 'ab c', '****', 'QQ==QQ==']) expect(base64ToBytes(bad)).toBeNull();
    expect(base64ToBytes('QQ==')).toEqual(new Uint8Array([65]));
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deflateRaw, inflateRaw } from '../../../src/persistence/compression';

// The platform deflate adapter behind share links (CompressionStream, a global in Node 20 and browsers).

describe('deflateRaw / inflateRaw', () => {
  it('round-trips any bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 5_000 }), async (bytes) => {
        const result = await inflateRaw(await deflateRaw(bytes), 1_000_000);
        expect(result).toEqual({ ok: true, bytes });
      }),
      { numRuns: 200 },
    );
  });

  it('stops at the cap instead of inflating a bomb whole', async () => {
    const bomb = await deflateRaw(new Uint8Array(20 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(30_000);
    expect(await inflateRaw(bomb, 512 * 1024)).toEqual({ ok: false, reason: 'too-large' });
    expect(await inflateRaw(await deflateRaw(new Uint8Array(100)), 100)).toMatchObject({ ok: true });
    expect(await inflateRaw(await deflateRaw(new Uint8Array(101)), 100)).toEqual({
      ok: false,
      reason: 'too-large',
    });
  });

  it('reports corrupt or cut-off streams as damaged, without an unhandled rejection', async () => {
    const good = await deflateRaw(new TextEncoder().encode('서비스 헌장 '.repeat(200)));
    const results = await Promise.all([
      inflateRaw(Uint8Array.from([0xff, 0xff, 0xff, 0xff]), 1_000),
      inflateRaw(good.subarray(0, Math.floor(good.length / 2)), 100_000),
      inflateRaw(new Uint8Array(0), 1_000),
    ]);
    for (const result of results) expect(result).toEqual({ ok: false, reason: 'damaged' });
  });
});

import { describe, expect, it } from 'vitest';
import { assertKnownRegions, forEachRegion } from '../../shared/aws/regions.js';
import { exitCodeOf } from '../../shared/errors.js';

describe('idle.regions validation', () => {
  it('accepts commercial regions', () => {
    expect(() => assertKnownRegions(['us-east-1', 'eu-west-1', 'ap-southeast-2'])).not.toThrow();
  });

  it('rejects an unknown region with exit 2, naming it', () => {
    let caught: unknown;
    try {
      assertKnownRegions(['us-east-1', 'us-east-9']);
    } catch (err) {
      caught = err;
    }

    expect(exitCodeOf(caught)).toBe(2);
    expect((caught as Error).message).toContain('idle.regions: unknown region "us-east-9"');
  });
});

describe('scanning regions in a bounded pool', () => {
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('never runs more regions at once than the limit', async () => {
    let running = 0;
    let peak = 0;
    const regions = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];

    const { results } = await forEachRegion(
      regions,
      3,
      async (r) => {
        peak = Math.max(peak, ++running);
        await pause(10);
        running--;
        return r.toUpperCase();
      },
      String,
    );

    expect(peak).toBe(3);
    expect(results.map((r) => r.value)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G']);
  });

  it('records a failing region and still returns the others, in the order asked', async () => {
    const { results, errors } = await forEachRegion(
      ['us-east-1', 'eu-west-1', 'us-west-2'],
      2,
      async (r) => {
        if (r === 'eu-west-1') throw new Error('OptInRequired');
        await pause(r === 'us-east-1' ? 20 : 1);
        return r;
      },
      (e) => (e as Error).message,
    );

    expect(results.map((r) => r.region)).toEqual(['us-east-1', 'us-west-2']);
    expect(errors).toEqual([{ region: 'eu-west-1', message: 'OptInRequired' }]);
  });
});

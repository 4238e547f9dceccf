import { RateTier, RequestPacer } from './request-pacer';

const TIER_3: RateTier = { floorPerMinute: 50, ceilingPerMinute: null };

/** A pacer on a clock the test moves; turns that would wait are not taken here. */
function pacerAt(tier: RateTier = TIER_3) {
  const clock = { now: 1_000_000 };
  const pacer = new RequestPacer(tier, undefined, () => clock.now);
  /** Sends `count` calls as fast as the pacer allows, moving the clock to each one's turn; they go through. */
  const send = async (count: number) => {
    for (let sent = 0; sent < count; sent += 1) {
      clock.now = Math.max(clock.now, pacer.readyAt);
      await pacer.turn();
      pacer.succeeded();
    }
  };
  return { clock, pacer, send };
}

describe('RequestPacer', () => {
  it('lets calls go unpaced until the platform throttles the bucket', async () => {
    const { clock, pacer, send } = pacerAt();
    await send(20);
    expect(pacer.ratePerMinute).toBeNull();
    expect(pacer.readyAt).toBeLessThanOrEqual(clock.now);
  });

  it('holds the next call until the wait has passed, but does not make the wait the interval', async () => {
    const { clock, pacer, send } = pacerAt();
    await send(20); // a burst of 20 at once
    pacer.throttled(clock.now + 3000);
    expect(pacer.readyAt).toBe(clock.now + 3000);
    // The pace is what the throttle showed: 20 calls went through in the 3 s the burst took with its wait.
    const rate = pacer.ratePerMinute!;
    expect(rate).toBeCloseTo((20 * 60) / 3, 0);
    clock.now += 3000;
    await send(1);
    expect(pacer.readyAt - clock.now).toBeCloseTo(60_000 / rate, 0);
    expect(pacer.readyAt - clock.now).toBeLessThan(3000);
  });

  it('cuts the rate on each throttle and raises it again after runs of successes, within the tier', async () => {
    const { clock, pacer, send } = pacerAt({ floorPerMinute: 50, ceilingPerMinute: 300 });
    expect(pacer.ratePerMinute).toBe(300);
    await send(30);
    pacer.throttled(clock.now + 1000);
    const cut = pacer.ratePerMinute!;
    expect(cut).toBeLessThanOrEqual(300 * 0.8);
    clock.now += 1000;
    await send(30);
    expect(pacer.ratePerMinute).toBe(cut + 3 * 10);
    for (let success = 0; success < 1000; success += 1) pacer.succeeded();
    expect(pacer.ratePerMinute).toBe(300);
  });

  it('learns nothing from a throttle when too little went through lately to tell', async () => {
    const { clock, pacer, send } = pacerAt();
    await send(9);
    pacer.throttled(clock.now + 1000);
    expect(pacer.ratePerMinute).toBeNull();
    expect(pacer.readyAt).toBe(clock.now + 1000);
  });

  it('never drops below the tier the platform documents', async () => {
    const { clock, pacer, send } = pacerAt();
    await send(10);
    pacer.throttled(clock.now + 60_000);
    expect(pacer.ratePerMinute).toBe(50);
  });

  it('counts calls throttled together once', async () => {
    const { clock, pacer, send } = pacerAt({ floorPerMinute: 10, ceilingPerMinute: 600 });
    await send(5);
    pacer.throttled(clock.now + 1000);
    const once = pacer.ratePerMinute;
    pacer.throttled(clock.now + 1200);
    expect(pacer.ratePerMinute).toBe(once);
    expect(pacer.readyAt).toBe(clock.now + 1200);
  });

  it('gives turns in order, a retry first, and stops waiting when cancelled', async () => {
    const pacer = new RequestPacer({ floorPerMinute: 6000, ceilingPerMinute: null });
    pacer.throttled(Date.now() + 50);
    const order: string[] = [];
    const controller = new AbortController();
    const turns = [
      pacer.turn().then(() => order.push('a')),
      pacer.turn(controller.signal).then(
        () => order.push('cancelled one'),
        (error: Error) => order.push(error.message),
      ),
      pacer.turn().then(() => order.push('b')),
      pacer.turn(undefined, true).then(() => order.push('retry')),
    ];
    controller.abort(new Error('cancelled'));
    await Promise.all(turns);
    expect(order).toEqual(['cancelled', 'retry', 'a', 'b']);
  });
});

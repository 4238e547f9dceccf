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
      pacer.release();
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

  it('gives turns in order, a retry first, one request at a time, and stops waiting when cancelled', async () => {
    const pacer = new RequestPacer({ floorPerMinute: 1, ceilingPerMinute: null });
    const order: string[] = [];
    const answered = (name: string) => () => {
      order.push(name);
      setTimeout(() => pacer.release(), 5);
    };
    await pacer.turn();
    // Unpaced, yet nobody goes while that request is out.
    const controller = new AbortController();
    const turns = [
      pacer.turn().then(answered('a')),
      pacer.turn(controller.signal).then(answered('cancelled one'), (error: Error) => order.push(error.message)),
      pacer.turn().then(answered('b')),
      pacer.turn(undefined, true).then(answered('retry')),
    ];
    controller.abort(new Error('cancelled'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order).toEqual(['cancelled']);
    pacer.release();
    await Promise.all(turns);
    expect(order).toEqual(['cancelled', 'retry', 'a', 'b']);
  });
});

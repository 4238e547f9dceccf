import { RequestPacer } from './request-pacer';

describe('RequestPacer', () => {
  it('lets the first request go at once and spaces the next ones', async () => {
    const waits: number[] = [];
    const pacer = new RequestPacer(40, (ms) => waits.push(ms));
    const started = Date.now();
    await pacer.turn();
    await pacer.turn();
    await pacer.turn();
    expect(Date.now() - started).toBeGreaterThanOrEqual(75);
    expect(waits).toHaveLength(2);
  });

  it('only ever slows down', () => {
    const pacer = new RequestPacer(100);
    pacer.slowTo(50);
    expect(pacer.interval).toBe(100);
    pacer.slowTo(60_000);
    expect(pacer.interval).toBe(60_000);
  });

  it('stops waiting when the fetch is cancelled', async () => {
    const pacer = new RequestPacer(60_000);
    await pacer.turn();
    const controller = new AbortController();
    const waiting = pacer.turn(controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(waiting).rejects.toThrow('cancelled');
  });
});

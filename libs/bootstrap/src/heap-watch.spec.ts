import { getHeapStatistics } from 'node:v8';
import { oldGenerationLimit } from './heap-watch';

describe('oldGenerationLimit', () => {
  const saved = process.env.NODE_OPTIONS;
  afterEach(() => {
    if (saved === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = saved;
  });

  it('is --max-old-space-size when given, the last one winning', () => {
    process.env.NODE_OPTIONS = '--max-old-space-size=300 --require x.js --max_old_space_size=96';
    expect(oldGenerationLimit()).toBe(96 * 2 ** 20);
  });

  it("is V8's heap limit otherwise", () => {
    process.env.NODE_OPTIONS = '--require x.js';
    expect(oldGenerationLimit()).toBe(getHeapStatistics().heap_size_limit);
  });
});

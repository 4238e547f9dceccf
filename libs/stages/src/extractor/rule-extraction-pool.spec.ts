import 'reflect-metadata';
import { loadConfig } from '@atlas/config';
import { extractFacts } from '@atlas/knowledge';
import { ircChannel } from '../../../knowledge/src/testing/irc-channel';
import { RuleExtractionPool } from './rule-extraction-pool';

/*
 * Real chat from the dev half of eval/real/ubuntu-irc (2004-11-15; CC BY 4.0, see that folder's README).
 * The pool runs the built extractor (`npm test` builds it first) on a worker thread.
 */
const { context, irc } = ircChannel(['EfaistOs', 'bob2', 'hateball', 'jaggy']);
const batch = [
  irc('EfaistOs', 'warty is stable ?'),
  irc('bob2', 'EfaistOs: yes'),
  irc('hateball', 'Is there a way to "invert" ping replies?'),
  irc('jaggy', "hateball, try mtr. It'll display questionmarks for things not received"),
  irc('EfaistOs', 'bob2, i just switched from debian sid to ubuntu ...'),
];

function poolWith(threads: string): RuleExtractionPool {
  return new RuleExtractionPool(
    loadConfig({ ATLAS_EXTRACTION_THREADS: threads, ATLAS_DATA_DIR: '/tmp/atlas-pool-spec' }),
  );
}

describe('RuleExtractionPool', () => {
  it('gives on a worker thread exactly the facts extraction gives in place', async () => {
    const pool = poolWith('1');
    try {
      const inThread = await pool.extract(batch, context, new AbortController().signal);
      // Fact ids and texts, entities and subjects: everything but object identity crosses the thread.
      expect(inThread).toEqual(JSON.parse(JSON.stringify(extractFacts(batch, context))));
      expect(inThread.facts.length).toBeGreaterThanOrEqual(4);
    } finally {
      await pool.onModuleDestroy();
    }
  });

  it('runs in place when no thread is configured', async () => {
    const pool = poolWith('0');
    const result = await pool.extract(batch, context, new AbortController().signal);
    expect(result.facts.map((fact) => fact.text)).toEqual(extractFacts(batch, context).facts.map((fact) => fact.text));
  });

  it('refuses a batch whose job was cancelled before its turn', async () => {
    const pool = poolWith('1');
    const cancelled = new AbortController();
    cancelled.abort();
    try {
      await expect(pool.extract(batch, context, cancelled.signal)).rejects.toThrow();
    } finally {
      await pool.onModuleDestroy();
    }
  });
});

import 'reflect-metadata';
import { loadConfig } from '@atlas/config';
import { extractFacts, generateWikiPages } from '@atlas/knowledge';
import { ircChannel } from '../../../knowledge/src/testing/irc-channel';
import { wikiInputOf } from '../../../knowledge/src/testing/wiki-input';
import { KnowledgeWorkerPool } from './knowledge-worker-pool';

/*
 * Real chat from the dev half of eval/real/ubuntu-irc (2004-11-15; CC BY 4.0, see that folder's README).
 * The pool runs the built code (`npm test` builds it first) on a worker thread.
 */
const { context, irc } = ircChannel(['EfaistOs', 'bob2', 'hateball', 'jaggy']);
const batch = [
  irc('EfaistOs', 'warty is stable ?'),
  irc('bob2', 'EfaistOs: yes'),
  irc('hateball', 'Is there a way to "invert" ping replies?'),
  irc('jaggy', "hateball, try mtr. It'll display questionmarks for things not received"),
  irc('EfaistOs', 'bob2, i just switched from debian sid to ubuntu ...'),
];
const signal = new AbortController().signal;

function poolWith(threads: string): KnowledgeWorkerPool {
  return new KnowledgeWorkerPool(loadConfig({ ATLAS_WORKER_THREADS: threads, ATLAS_DATA_DIR: '/tmp/atlas-pool-spec' }));
}

/** What crosses a thread: the values, not the objects' classes. */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value));

// A worker thread's first task loads the NLP models (several seconds on a loaded 2-core machine).
jest.setTimeout(30_000);

describe('KnowledgeWorkerPool', () => {
  it('gives on a worker thread exactly the facts and the wiki pages the same code gives in place', async () => {
    const pool = poolWith('1');
    try {
      const extracted = await pool.extract(batch, context, signal);
      expect(extracted).toEqual(plain(extractFacts(batch, context)));
      expect(extracted.facts.length).toBeGreaterThanOrEqual(4);
      const input = wikiInputOf(extractFacts(batch, context).facts, batch);
      const pages = await pool.generateWiki(input, signal);
      expect(pages).toEqual(plain(generateWikiPages(input)));
      expect(pages.map((page) => page.slug)).toContain('faq');
    } finally {
      await pool.onModuleDestroy();
    }
  });

  it('runs the work in place when no thread is configured', async () => {
    const pool = poolWith('0');
    const result = await pool.extract(batch, context, signal);
    expect(result.facts.map((fact) => fact.text)).toEqual(extractFacts(batch, context).facts.map((fact) => fact.text));
  });

  it('refuses a task whose job was cancelled before its turn', async () => {
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

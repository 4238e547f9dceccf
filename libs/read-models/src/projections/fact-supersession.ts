import { compareText } from '@atlas/common';
import type { ReadModelStore } from '@atlas/store';
import type { FactDoc } from '../documents';

/**
 * Relinks the supersession chains of the given subjects: the facts of a channel that set one
 * single-valued subject (a deadline, an owner, a task), ordered by when they hold from, each
 * superseded by the next. Recomputed from the facts present, so an edit or deletion in the middle
 * of a chain closes the gap, and replaying an event gives the same links.
 */
export async function relinkSupersession(
  tx: ReadModelStore,
  channelId: string,
  subjects: Iterable<string | null>,
  seq: number,
): Promise<void> {
  for (const subject of new Set(subjects)) {
    if (subject === null) continue;
    const chain = (await tx.find<FactDoc>('facts', { where: { channel_id: channelId, subject } })).sort(
      (a, b) => compareText(a.valid_at, b.valid_at) || compareText(a.id, b.id),
    );
    const changed: FactDoc[] = [];
    chain.forEach((fact, i) => {
      const supersedes = i > 0 ? chain[i - 1].id : null;
      const supersededBy = i < chain.length - 1 ? chain[i + 1].id : null;
      if (fact.supersedes !== supersedes || fact.superseded_by !== supersededBy) {
        changed.push({ ...fact, supersedes, superseded_by: supersededBy, last_seq: Math.max(fact.last_seq, seq) });
      }
    });
    if (changed.length > 0) await tx.putMany('facts', changed);
  }
}

/**
 * Threads of an imported channel, one level deep as in Slack: a reply to a reply belongs to the
 * thread of the message the chain starts from. Built from every reply's reference, so memory grows
 * with the number of replies, not with the file.
 */
export class ThreadIndex {
  private readonly references = new Map<string, string>();
  private roots: Map<string, string> | null = null;
  private counts: Map<string, number> | null = null;

  addReply(id: string, repliesTo: string): void {
    if (id === repliesTo) return;
    this.references.set(id, repliesTo);
    this.roots = null;
  }

  /** The message a reply's thread starts from; null for a message that replies to nothing. */
  parentOf(id: string): string | null {
    return this.resolve().roots.get(id) ?? null;
  }

  /** Replies in the thread a message starts. */
  replyCount(id: string): number {
    return this.resolve().counts.get(id) ?? 0;
  }

  private resolve(): { roots: Map<string, string>; counts: Map<string, number> } {
    if (this.roots !== null && this.counts !== null) return { roots: this.roots, counts: this.counts };
    const roots = new Map<string, string>();
    const counts = new Map<string, number>();
    for (const id of this.references.keys()) {
      const root = this.rootOf(id, roots);
      // Only a file whose references loop leads a message back to itself: it is then no reply.
      if (root === id) continue;
      roots.set(id, root);
      counts.set(root, (counts.get(root) ?? 0) + 1);
    }
    this.roots = roots;
    this.counts = counts;
    return { roots, counts };
  }

  private rootOf(id: string, known: Map<string, string>): string {
    const chain = new Set<string>();
    let current = id;
    // A chain ends at a message that replies to nothing, or at one referenced but absent from the file.
    while (this.references.has(current)) {
      const cached = known.get(current);
      if (cached !== undefined) return cached;
      chain.add(current);
      current = this.references.get(current)!;
      if (chain.has(current)) return current;
    }
    return current;
  }
}

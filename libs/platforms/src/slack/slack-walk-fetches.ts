import type { SlackMessagePage } from './slack-api-client';

interface Ahead {
  page: Promise<SlackMessagePage>;
  /** The answer, once it came: what lies beyond it (its threads, its next cursor) is then known. */
  answer?: SlackMessagePage;
}

type Fetch = (signal: AbortSignal) => Promise<SlackMessagePage>;

/**
 * The pages of one walk, by what they ask for: each is asked once, whether the walk needs it now or
 * it was started ahead. Pages started ahead are held until taken; when the walk ends, those still out
 * are stopped (their failures surface only if taken).
 */
export class SlackWalkFetches {
  private readonly ahead = new Map<string, Ahead>();
  private readonly asked = new Set<string>();
  private readonly stop = new AbortController();
  readonly signal: AbortSignal;

  constructor(
    signal: AbortSignal,
    /** Called when a page started ahead comes in, so the walk can look further. */
    private readonly onAnswer: () => void,
  ) {
    this.signal = AbortSignal.any([signal, this.stop.signal]);
  }

  /** Pages started ahead and not taken yet. */
  get pending(): number {
    return this.ahead.size;
  }

  /** The page: the one started ahead, or asked now. */
  take(key: string, fetch: Fetch): Promise<SlackMessagePage> {
    const started = this.ahead.get(key);
    if (started) {
      this.ahead.delete(key);
      return started.page;
    }
    this.asked.add(key);
    return fetch(this.signal);
  }

  /** Starts asking for the page unless it was asked already; true when it was started now. */
  startAhead(key: string, fetch: Fetch): boolean {
    if (this.asked.has(key)) return false;
    this.asked.add(key);
    const started: Ahead = { page: fetch(this.signal) };
    started.page.then(
      (answer) => {
        started.answer = answer;
        if (this.ahead.get(key) !== started) return;
        try {
          this.onAnswer();
        } catch {
          // Looking further is an optimisation: whatever failed here fails again where the walk takes the page.
        }
      },
      () => undefined,
    );
    this.ahead.set(key, started);
    return true;
  }

  /** The answer of a page started ahead, once it came and until it is taken. */
  answered(key: string): SlackMessagePage | undefined {
    return this.ahead.get(key)?.answer;
  }

  close(): void {
    this.stop.abort(new Error('the walk ended'));
  }
}

import { createReadStream } from 'node:fs';
import { errorMessage } from '@atlas/common';
import { PlatformError } from '../platform-error';
import { importFailure, importReadFailure } from './import-failure';
import { MAX_IMPORT_RECORD_BYTES, RecordTooLargeError } from './import-limits';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COLON = 0x3a;
const COMMA = 0x2c;

/** What precedes the array (a DCE export's guild, channel, dates) is small; more means another kind of file. */
const MAX_HEADER_BYTES = 1024 * 1024;
const MAX_KEY_BYTES = 256;
/** How much of an in-memory document is scanned at a time. */
const SLICE_BYTES = 64 * 1024;

type Phase = 'header' | 'items' | 'after';

/**
 * Splits a JSON document of the shape `{..., "<arrayKey>": [ {...}, {...} ], ...}` (or `[ {...}, {...} ]`
 * when `arrayKey` is null) into its header (everything before the array) and the raw bytes of each array
 * item, one chunk of the file at a time.
 * It only tracks strings and nesting, so memory holds one item, never the document; each item is then
 * parsed by JSON.parse. Structural characters are ASCII and never occur inside a UTF-8 multi-byte
 * sequence, so chunks may split characters anywhere.
 */
class JsonArrayScanner {
  phase: Phase = 'header';
  private depth = 0;
  private inString = false;
  private escaped = false;
  private readonly headerParts: Buffer[] = [];
  private headerSize = 0;
  private keyBytes: number[] | null = null;
  private lastKey: string | null = null;
  private valueOf: string | null = null;
  private itemParts: Buffer[] | null = null;
  private itemSize = 0;
  private itemCount = 0;
  /** Nesting of the array's items: the document's own array holds them at depth 1. */
  private readonly itemDepth: number;
  private readonly arrayName: string;

  constructor(
    private readonly arrayKey: string | null,
    private readonly label: string,
  ) {
    this.itemDepth = arrayKey === null ? 1 : 2;
    this.arrayName = arrayKey === null ? 'array' : `"${arrayKey}" array`;
  }

  /** Feeds the next chunk; returns the items it completed, as raw JSON. */
  push(chunk: Buffer): Buffer[] {
    const items: Buffer[] = [];
    let headerStart = this.phase === 'header' ? 0 : -1;
    let itemStart = this.itemParts === null ? -1 : 0;
    for (let index = 0; index < chunk.length; index += 1) {
      const byte = chunk[index];
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (byte === BACKSLASH) this.escaped = true;
        else if (byte === QUOTE) this.endString();
        if (this.keyBytes !== null && this.keyBytes.length <= MAX_KEY_BYTES) this.keyBytes.push(byte);
        continue;
      }
      if (byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09) continue;
      if (this.arrayKey === null && this.depth === 0) {
        if (this.phase !== 'header' || byte !== OPEN_ARRAY) throw new JsonShapeError(this.label, 'not-array');
        headerStart = -1;
        this.phase = 'items';
      }
      if (this.phase === 'items' && this.depth === this.itemDepth && this.itemParts === null) {
        if (byte === COMMA) continue;
        if (byte !== OPEN_OBJECT && byte !== CLOSE_ARRAY) {
          throw new JsonShapeError(this.label, 'not-object', this.itemCount, this.arrayName);
        }
        if (byte === OPEN_OBJECT) {
          this.itemParts = [];
          this.itemSize = 0;
          itemStart = index;
        }
      }
      if (byte === QUOTE) {
        this.startString();
      } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
        if (this.phase === 'header' && this.depth === 1 && byte === OPEN_ARRAY && this.valueOf === this.arrayKey) {
          this.addHeader(chunk.subarray(headerStart, index + 1));
          headerStart = -1;
          this.phase = 'items';
        }
        this.valueOf = null;
        this.depth += 1;
      } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
        this.depth -= 1;
        if (this.depth < 0) throw this.malformed('closes more than it opens');
        if (this.phase === 'items' && this.depth === this.itemDepth && this.itemParts !== null) {
          items.push(this.finishItem(chunk.subarray(itemStart, index + 1)));
          itemStart = -1;
        } else if (this.phase === 'items' && this.depth === this.itemDepth - 1) {
          this.phase = 'after';
        }
      } else if (byte === COLON) {
        if (this.depth === 1) this.valueOf = this.lastKey;
        this.lastKey = null;
      } else if (this.depth === 1) {
        // A comma, or a number or literal value: no array follows it.
        this.valueOf = null;
        this.lastKey = null;
      }
    }
    if (headerStart >= 0) this.addHeader(chunk.subarray(headerStart));
    if (this.itemParts !== null && itemStart >= 0) this.addItemPart(chunk.subarray(itemStart));
    return items;
  }

  /** The header as a JSON object: the bytes before the array, the array closed empty. */
  header(): Record<string, unknown> {
    const text = `${Buffer.concat(this.headerParts)
      .toString('utf8')
      .replace(/^\uFEFF/, '')}]}`;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw this.malformed(`its beginning is not valid JSON (${errorMessage(error)})`);
    }
    return value as Record<string, unknown>;
  }

  finish(): void {
    if (this.phase === 'header' && this.arrayKey === null) throw new JsonShapeError(this.label, 'not-array');
    if (this.phase === 'header') throw this.malformed(`it has no ${this.arrayName}`);
    if (this.phase === 'items' || this.depth !== 0)
      throw new JsonShapeError(this.label, 'cut-short', 0, this.arrayName);
  }

  private startString(): void {
    this.inString = true;
    // At the top level, a string right after a colon is a value; any other one is a key.
    const isKey = this.phase === 'header' && this.depth === 1 && this.valueOf === null;
    this.keyBytes = isKey ? [QUOTE] : null;
    if (this.depth === 1) this.valueOf = null;
  }

  private endString(): void {
    this.inString = false;
    if (this.keyBytes === null) return;
    this.keyBytes.push(QUOTE);
    this.lastKey =
      this.keyBytes.length > MAX_KEY_BYTES ? null : (JSON.parse(Buffer.from(this.keyBytes).toString('utf8')) as string);
    this.keyBytes = null;
  }

  private addHeader(part: Buffer): void {
    this.headerSize += part.length;
    if (this.headerSize > MAX_HEADER_BYTES) throw this.malformed(`no "${this.arrayKey}" array in its first megabyte`);
    this.headerParts.push(part);
  }

  private addItemPart(part: Buffer): void {
    this.itemSize += part.length;
    // One message with its embeds and reactions stays far below the limit: a larger item is refused unparsed.
    if (this.itemSize > MAX_IMPORT_RECORD_BYTES) {
      throw new RecordTooLargeError(this.label, `item ${this.itemCount + 1} of the ${this.arrayName}`);
    }
    this.itemParts!.push(part);
  }

  private finishItem(lastPart: Buffer): Buffer {
    this.addItemPart(lastPart);
    const item = Buffer.concat(this.itemParts!);
    this.itemParts = null;
    this.itemCount += 1;
    return item;
  }

  private malformed(reason: string) {
    return importFailure(`${this.label} is not a JSON export file: ${reason}`);
  }
}

/** Why a document is not the array of objects it must be: `not-object` names the item. */
export class JsonShapeError extends PlatformError {
  constructor(
    label: string,
    readonly problem: 'not-array' | 'not-object' | 'cut-short',
    readonly itemIndex = 0,
    arrayName = 'array',
  ) {
    super('PLATFORM_ERROR', `${label}${JsonShapeError.reason(problem, arrayName)}`, { transient: false });
  }

  private static reason(problem: JsonShapeError['problem'], arrayName: string): string {
    if (problem === 'not-array') return ' is not a JSON array';
    if (problem === 'not-object') return `: the ${arrayName} holds something that is not an object`;
    return ` ends before its ${arrayName} is closed: the file is cut short`;
  }
}

/** The header of a JSON document whose `arrayKey` array is read later: only the file's beginning is read. */
export async function readJsonHeader(path: string, arrayKey: string, label: string): Promise<Record<string, unknown>> {
  const scanner = new JsonArrayScanner(arrayKey, label);
  const stream = createReadStream(path, { highWaterMark: 16 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      scanner.push(chunk);
      if (scanner.phase !== 'header') return scanner.header();
    }
  } catch (error) {
    throw importReadFailure(error, label);
  } finally {
    stream.destroy();
  }
  scanner.finish();
  throw importFailure(`${label} is not a JSON export file`);
}

/** The raw JSON of each item of the document's `arrayKey` array, in file order. */
export async function* jsonArrayItems(
  path: string,
  arrayKey: string,
  label: string,
  signal?: AbortSignal,
): AsyncGenerator<Buffer> {
  const scanner = new JsonArrayScanner(arrayKey, label);
  const stream = createReadStream(path);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      signal?.throwIfAborted();
      yield* scanner.push(chunk);
    }
    scanner.finish();
  } catch (error) {
    if (signal?.aborted) throw error;
    throw importReadFailure(error, label);
  } finally {
    stream.destroy();
  }
}

/**
 * The raw JSON of each item of a document that is an array of objects (`[ {...}, {...} ]`), already in
 * memory: each item is handed out before the next is looked for, so a caller that checks them stops
 * at the first bad one instead of parsing the whole document first.
 */
export function* jsonArrayItemsIn(content: Buffer, label: string): Generator<Buffer> {
  const scanner = new JsonArrayScanner(null, label);
  for (let start = 0; start < content.length; start += SLICE_BYTES) {
    yield* scanner.push(content.subarray(start, start + SLICE_BYTES));
  }
  scanner.finish();
}

export function parseJsonItem(raw: Buffer, label: string, index: number): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch (error) {
    throw importFailure(`${label}: message ${index + 1} is not valid JSON (${errorMessage(error)})`);
  }
}

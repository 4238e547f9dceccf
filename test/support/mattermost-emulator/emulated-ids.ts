import { createHash } from 'node:crypto';

/** Mattermost's id alphabet: base32 without the letters and digits people confuse. */
const ALPHABET = 'ybndrfg8ejkmcpqxot1uwisza345h769';

/**
 * Ids shaped like Mattermost's (16 bytes in its base32: 26 characters), derived from a seed and a
 * counter so that a fixture gets the same ids on every run.
 */
export class EmulatedIds {
  private counter = 0;

  constructor(private readonly seed: string) {}

  next(): string {
    this.counter += 1;
    const bytes = createHash('sha256').update(`${this.seed}/${this.counter}`).digest().subarray(0, 16);
    return base32(bytes);
  }
}

function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

import { readFileSync } from 'node:fs';

interface EmojiRecord {
  unified: string;
  short_names: string[];
  skin_variations?: Record<string, { unified: string }>;
}

/**
 * `:wave:`, `:+1::skin-tone-2:`: a shortcode, not inside a word, with Slack's optional skin tone.
 * Names are Slack's, which come from the same emoji data (iamcal/emoji-data, `emoji-datasource`).
 */
const SHORTCODE = /(?<![\p{L}\p{N}]):([a-z0-9_+'-]+):(?::skin-tone-([2-6]):)?(?![\p{L}\p{N}])/giu;
/** Slack's skin tones 2–6 are the Fitzpatrick modifiers U+1F3FB–U+1F3FF. */
const SKIN_TONES: Record<string, string> = { '2': '1F3FB', '3': '1F3FC', '4': '1F3FD', '5': '1F3FE', '6': '1F3FF' };

let byName: Map<string, EmojiRecord> | null = null;

/**
 * Chat text with its emoji shortcodes as the emoji they name: `:wave:` → 👋, `:+1::skin-tone-2:` →
 * 👍🏻. A name the data does not know (a workspace's custom emoji, `:partyparrot:`) stays as written,
 * which reads well enough.
 */
export function withEmoji(text: string): string {
  if (!text.includes(':')) return text;
  return text.replace(SHORTCODE, (written: string, name: string, tone: string | undefined) => {
    const emoji = emojiNamed(name.toLowerCase());
    if (!emoji) return written;
    const toned = tone === undefined ? undefined : emoji.skin_variations?.[SKIN_TONES[tone]]?.unified;
    return characters(toned ?? emoji.unified);
  });
}

function emojiNamed(name: string): EmojiRecord | undefined {
  if (byName === null) {
    // Read on first use: about 1.3 MB of JSON, never needed by a channel without shortcodes.
    const records = JSON.parse(readFileSync(require.resolve('emoji-datasource/emoji.json'), 'utf8')) as EmojiRecord[];
    byName = new Map();
    for (const record of records) for (const short of record.short_names) byName.set(short, record);
  }
  return byName.get(name);
}

/** "1F44D-1F3FB" → "👍🏻". */
function characters(unified: string): string {
  return String.fromCodePoint(...unified.split('-').map((hex) => parseInt(hex, 16)));
}

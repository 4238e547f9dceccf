/** Patterns of chat markup that is not prose. All global: use with matchesOf / rangesOf. */
export const INLINE_CODE = /`[^`\n]+`/g;
export const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** `@name` as rendered, or `<@U123>` when the platform could not render it. */
export const MENTION_TOKEN = /<@[^>\s]+>|@[\p{L}\p{N}][\p{L}\p{N}._-]*/gu;
export const EMOJI = /:[a-z0-9_+'-]+:|[\p{Extended_Pictographic}\p{Emoji_Modifier}\u200d\ufe0f]+/gu;

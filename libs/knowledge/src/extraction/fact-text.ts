import { EMOJI } from './chat-markup';
import { findUrls } from './links';

/** "@here", "@channel", "@everyone", "@all" (or Slack's unrendered `<!here>`): they call everyone, they name no one. */
const BROADCAST_MENTION =
  /(^|[\s(])(?:@(?:here|channel|everyone|all)|<!(?:here|channel|everyone)(?:\|[^>]*)?>)(?![\p{L}\p{N}._-])/giu;

/** ":p", ";-)", ":D", "xD": faces typed in ASCII, not words. */
const EMOTICON = /(^|\s)(?:[:;=8][-o']?[()[\]DPpOo/\\|*3]+|xD|XD|\^_?\^|<3)(?=\s|$|[.,!?])/g;

/**
 * The fact text without chat markup: emphasis markers, backticks, emoji, broadcast mentions and the
 * @ of mentions go, the words stay. URLs are kept as written.
 */
export function cleanFactText(text: string): string {
  const urls = findUrls(text);
  let result = '';
  let cursor = 0;
  for (const url of urls) {
    result += cleanProse(text.slice(cursor, url.start)) + url.url;
    cursor = url.end;
  }
  result += cleanProse(text.slice(cursor));
  return result
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/^[\s,;:.-]+/, '')
    .trim();
}

function cleanProse(prose: string): string {
  return prose
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/(^|[\s(])([*_~]{1,2})(?=\S)([^*_~\n]*?\S)\2(?=$|[\s).,!?:;])/g, '$1$3')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(EMOJI, ' ')
    .replace(EMOTICON, '$1')
    .replace(BROADCAST_MENTION, '$1')
    .replace(/(^|[\s(])@(?=[\p{L}\p{N}])/gu, '$1');
}

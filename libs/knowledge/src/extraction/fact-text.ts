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
    .replace(MENTION_RUN, (run: string, offset: number, whole: string) => {
      const names = listed(run.match(/(?<=@)[\p{L}\p{N}._-]+/gu) ?? []);
      // Addressed at the start: "Ana, Ben and Dev, please add estimates".
      return offset === 0 && /^\s+\p{L}/u.test(whole.slice(offset + run.length)) ? `${names},` : names;
    })
    .replace(/(^|[\s(])@(?=[\p{L}\p{N}])/gu, '$1');
}

/** "@ana @ben @dev please add estimates": several people addressed one after another. */
const MENTION_RUN = /(?<=^|[\s(])@[\p{L}\p{N}._-]+(?:[\s,]+(?:and\s+)?@[\p{L}\p{N}._-]+)+/gu;

/** "Ana, Ben and Dev". */
function listed(names: readonly string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

import { escapeRegExp } from './text-ranges';

/** Phrases that carry no knowledge on their own: greetings, thanks, acknowledgements, laughter, goodbyes. */
const PLEASANTRIES = [
  'hi',
  'hey',
  'hello',
  'hiya',
  "what's up",
  'whats up',
  'wassup',
  'sup',
  'yo',
  'howdy',
  'morning',
  'good morning',
  'good afternoon',
  'good evening',
  'good night',
  'gm',
  'gn',
  'welcome back',
  'happy friday',
  'happy monday',
  'thanks',
  'thank you',
  'thx',
  'ty',
  'tysm',
  'cheers',
  'much appreciated',
  'appreciate it',
  'appreciated',
  'np',
  'no problem',
  'no worries',
  "you're welcome",
  'youre welcome',
  'anytime',
  'my pleasure',
  'ok',
  'okay',
  'k',
  'kk',
  'sure',
  'yes',
  'yeah',
  'yep',
  'yup',
  'no',
  'nope',
  'nah',
  'done',
  'got it',
  'sounds good',
  'sgtm',
  'lgtm',
  'makes sense',
  'agreed',
  'same',
  'same here',
  'me too',
  'indeed',
  'exactly',
  'true',
  'right',
  'correct',
  'fair',
  'fair enough',
  'will do',
  'on it',
  'ack',
  'noted',
  'roger',
  'ah',
  'oh',
  'hmm',
  'nice',
  'cool',
  'great',
  'awesome',
  'perfect',
  'amazing',
  'wow',
  'neat',
  'sweet',
  'excellent',
  'congrats',
  'congratulations',
  'well done',
  'good job',
  'great job',
  'nice work',
  'great work',
  'good work',
  'nice one',
  'love it',
  'lol',
  'lmao',
  'rofl',
  'omg',
  'bye',
  'see you',
  'see ya',
  'cya',
  'ttyl',
  'later',
  'have a good weekend',
  'have a great weekend',
  'have a nice weekend',
  'have a good one',
  'have a nice day',
  'brb',
  'oops',
  'sorry',
  'my bad',
  'nvm',
  'never mind',
];
/** Words that only address or intensify a pleasantry ("thanks so much everyone"). */
const FILLERS = [
  'all',
  'everyone',
  'everybody',
  'team',
  'folks',
  'guys',
  "y'all",
  'yall',
  'you all',
  'you',
  'there',
  'so',
  'so much',
  'very much',
  'a lot',
  'a ton',
  'again',
  'really',
  'too',
  'for that',
  'for this',
  'man',
  'buddy',
  'for the help',
  'for sharing',
  'both',
  'it',
  'that',
  'sir',
  "that's",
  'thats',
  "it's",
  'its',
  'is',
  'was',
  'this',
  'fine',
  'good',
  'all good',
  'looks good',
  'works for me',
  'sounds great',
  'sounds like a plan',
  'i agree',
  'ship it',
  'me',
  'i',
  'we',
  'for me',
  'to me',
];
const LAUGHTER = /\b(?:a*(?:ha){2,}h?|(?:he){2,}|l+o+l+z?|lmf?ao+|xd+)\b/g;
const PLEASANTRY_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}'])(?:${[...PLEASANTRIES, ...FILLERS]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')})(?![\\p{L}\\p{N}'])`,
  'gu',
);
/** Thanks and congratulations lead a sentence about a person's work, not about the work itself. */
const GRATITUDE_LEAD = /^(?:thanks|thank you|thx|ty|tysm|cheers|congrats|congratulations|kudos|shout ?out)\b/;

/** Lunch, weekends, birthdays and praise: social talk, even when phrased as a question. */
const MAX_SOCIAL_WORDS = 8;
const SOCIAL =
  /\b(?:lunch(?! (?:(?:and|n) )?learn)|ramen|pizza|coffee|beers?|drinks|cake|birthday|weekend plans|weather(?! (?:applet|app|api|service|data|station|widget|plugin|report))|happy (?:monday|tuesday|wednesday|thursday|friday|birthday|holidays)|happy to be here|great job|nice work|well done|good job|kudos|congrats|congratulations)\b/;

/** True for a sentence that is only social glue, emoji or punctuation. */
export function isSmallTalk(sentence: string): boolean {
  const words = plainWords(sentence);
  if (words === '') return true;
  // "pizza on friday?" is social; "there's one on the shelf next to the coffee machine" says where a thing is.
  if (SOCIAL.test(words) && words.split(/\s+/).length <= MAX_SOCIAL_WORDS) return true;
  const remainder = words
    .replace(PLEASANTRY_PATTERN, ' ')
    .replace(LAUGHTER, ' ')
    .replace(/[+-]1\b/g, ' ')
    .trim();
  if (remainder === '') return true;
  return GRATITUDE_LEAD.test(words) && !hasSecondClause(sentence);
}

/** "thanks for the review, I'll merge it tomorrow": three or more words after a clause separator. */
function hasSecondClause(sentence: string): boolean {
  const separator = sentence.search(/[,;—–]/);
  if (separator < 0) return false;
  return (
    sentence
      .slice(separator + 1)
      .split(/\s+/)
      .filter((word) => word !== '').length >= 3
  );
}

/** Lowercase words of the sentence without mentions, emoji, shortcodes (`:tada:`) or punctuation. */
function plainWords(sentence: string): string {
  return sentence
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/@[\p{L}\p{N}._-]+/gu, ' ')
    .replace(/:[a-z0-9_+'-]+:/g, ' ')
    .replace(/[\p{Extended_Pictographic}\p{Emoji_Modifier}\u200d\ufe0f]/gu, ' ')
    .replace(/[^\p{L}\p{N}'+\-\s]+/gu, ' ')
    .replace(/(?<!\S)['-]+|['-]+(?!\S)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

import { factOf, wikiInputOf } from '../testing/wiki-input';
import { ANA, wikiMessage } from '../testing/wiki-scenario';
import { withEmoji } from './emoji';
import { generateWikiPages } from './generate-wiki-pages';

describe('withEmoji', () => {
  it('renders the shortcodes of the demo channels', () => {
    expect(withEmoji(':wave: Welcome Gus!')).toBe('👋 Welcome Gus!');
    expect(withEmoji(':tada: great work :raised_hands::pray:')).toBe('🎉 great work 🙌🙏');
    expect(withEmoji('thanks :slightly_smiling_face: :sweat_smile: :ok_hand:')).toBe('thanks 🙂 😅 👌');
  });

  it("knows Slack's names for emoji other sets name differently", () => {
    expect(withEmoji(':thinking_face: :thumbsup: :+1: :white_check_mark: :man-facepalming:')).toBe('🤔 👍 👍 ✅ 🤦‍♂️');
  });

  it("renders Slack's skin tones, and drops a tone an emoji does not take", () => {
    expect(withEmoji(':+1::skin-tone-2: :wave::skin-tone-6:')).toBe('👍🏻 👋🏿');
    expect(withEmoji(':tada::skin-tone-3:')).toBe('🎉');
  });

  it('leaves custom and unknown shortcodes, times, URLs and words with colons as written', () => {
    expect(withEmoji(':partyparrot: shipped :fernway-logo:')).toBe(':partyparrot: shipped :fernway-logo:');
    expect(withEmoji('at 10:30:00 see https://a.io/x:a:b and ratio 1:100:3')).toBe(
      'at 10:30:00 see https://a.io/x:a:b and ratio 1:100:3',
    );
    expect(withEmoji('note:fire: not an emoji')).toBe('note:fire: not an emoji');
  });
});

describe('emoji on wiki pages', () => {
  it('shows them in the text of facts and in the excerpts of their sources', () => {
    const message = wikiMessage(
      '1741000000.000100',
      ANA,
      '2025-03-03T09:00:00.000Z',
      ':tada: The CSV export is live :+1::skin-tone-3:',
    );
    const fact = factOf(message, { text: 'The CSV export is live :+1::skin-tone-3:', type: 'announcement' });
    const overview = generateWikiPages(wikiInputOf([fact], [message])).find((page) => page.slug === 'overview')!;
    expect(overview.markdown).toContain('- The CSV export is live 👍🏼 — Ana Souza, 2025-03-03 [1]');
    expect(overview.citations[0].excerpt).toBe('🎉 The CSV export is live 👍🏼');
    expect(overview.markdown).not.toMatch(/:tada:|:\+1:/);
  });
});

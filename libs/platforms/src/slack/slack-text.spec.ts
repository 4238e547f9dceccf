import { mentionedUserIds, renderSlackText, SlackNameLookup } from './slack-text';

const names: SlackNameLookup = {
  userName: (id) => ({ U01ANA: 'Ana Souza', U02BEN: 'ben' })[id],
  channelName: (id) => ({ C01GEN: 'general' })[id],
};

describe('renderSlackText', () => {
  it('renders user mentions with display names and lists them once each', () => {
    const rendered = renderSlackText('<@U01ANA> and <@U02BEN>, ping <@U01ANA> again', names);
    expect(rendered.text).toBe('@Ana Souza and @ben, ping @Ana Souza again');
    expect(rendered.mentions).toEqual([
      { id: 'U01ANA', name: 'Ana Souza' },
      { id: 'U02BEN', name: 'ben' },
    ]);
  });

  it('falls back to the markup label, then to the id, for unknown users', () => {
    const rendered = renderSlackText('<@U09OLD|olduser> <@W07EXT>', names);
    expect(rendered.text).toBe('@olduser @W07EXT');
    expect(rendered.mentions).toEqual([
      { id: 'U09OLD', name: 'olduser' },
      { id: 'W07EXT', name: 'W07EXT' },
    ]);
  });

  it('renders channel references with their label, a known name, or the id', () => {
    expect(renderSlackText('see <#C05ENG|engineering>', names).text).toBe('see #engineering');
    expect(renderSlackText('see <#C01GEN|> and <#C01GEN>', names).text).toBe('see #general and #general');
    expect(renderSlackText('see <#C99XYZ>', names).text).toBe('see #C99XYZ');
  });

  it('renders links with and without labels', () => {
    expect(renderSlackText('<https://example.com/doc?a=1&amp;b=2|the doc>', names).text).toBe(
      'the doc (https://example.com/doc?a=1&b=2)',
    );
    expect(renderSlackText('<https://example.com>', names).text).toBe('https://example.com');
    expect(renderSlackText('<https://example.com|https://example.com>', names).text).toBe('https://example.com');
    expect(renderSlackText('<mailto:ops@example.com|ops@example.com>', names).text).toBe('ops@example.com');
  });

  it('renders special mentions', () => {
    expect(renderSlackText('<!here> <!channel> <!subteam^S1|@design>', names).text).toBe('@here @channel @design');
    expect(renderSlackText('due <!date^1712345678^{date}|April 5th>', names).text).toBe('due April 5th');
  });

  it('unescapes entities outside markup without touching rendered names', () => {
    expect(renderSlackText('a &lt;b&gt; &amp;amp; c', names).text).toBe('a <b> &amp; c');
    expect(renderSlackText('plain text', names)).toEqual({ text: 'plain text', mentions: [] });
  });
});

describe('mentionedUserIds', () => {
  it('collects each mentioned user once, ignoring channels and links', () => {
    expect(mentionedUserIds('<@U01ANA> <#C01GEN|general> <@U02BEN|ben> <https://x> <@U01ANA>')).toEqual([
      'U01ANA',
      'U02BEN',
    ]);
  });
});

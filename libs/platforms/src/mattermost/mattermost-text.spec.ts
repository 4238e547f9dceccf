import { MentionedUser, mentionCandidates, renderMattermostText } from './mattermost-text';

const people: Record<string, MentionedUser> = {
  'chen.wei': { id: 'U_CHEN', name: 'Chen' },
  'ana.souza': { id: 'U_ANA', name: 'Ana' },
  'ben-okafor_': { id: 'U_BEN', name: 'Ben Okafor' },
};
const lookUp = (username: string) => people[username];

describe('mentionCandidates', () => {
  it('lists the usernames a text may mention, with trailing punctuation also tried without it', () => {
    expect(mentionCandidates('Can @chen.wei review? Thanks @Ana.Souza.')).toEqual([
      'chen.wei',
      'ana.souza.',
      'ana.souza',
    ]);
  });

  it('leaves out channel-wide mentions and e-mail addresses', () => {
    expect(mentionCandidates('@here @channel @all: mail ana@example.com')).toEqual([]);
  });
});

describe('renderMattermostText', () => {
  it('renders known usernames as display names and lists each person once', () => {
    expect(renderMattermostText('Can @chen.wei review the plan? @chen.wei, @ana.souza', lookUp)).toEqual({
      text: 'Can @Chen review the plan? @Chen, @Ana',
      mentions: [
        { id: 'U_CHEN', name: 'Chen' },
        { id: 'U_ANA', name: 'Ana' },
      ],
    });
  });

  it('keeps punctuation that ends a sentence after a mention', () => {
    expect(renderMattermostText('Ask @chen.wei.', lookUp).text).toBe('Ask @Chen.');
    expect(renderMattermostText('Ask @CHEN.WEI...', lookUp).text).toBe('Ask @Chen...');
  });

  it('prefers the longest username that exists', () => {
    expect(renderMattermostText('cc @ben-okafor_', lookUp).text).toBe('cc @Ben Okafor');
  });

  it('leaves unknown names, channel-wide mentions and e-mail addresses alone', () => {
    const rendered = renderMattermostText('@nobody @here write to ana.souza@example.com', lookUp);
    expect(rendered).toEqual({ text: '@nobody @here write to ana.souza@example.com', mentions: [] });
  });

  it('finds mentions after markdown and brackets', () => {
    expect(renderMattermostText('**@chen.wei** (@ana.souza)', lookUp).text).toBe('**@Chen** (@Ana)');
  });
});

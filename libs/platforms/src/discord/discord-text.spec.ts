import { mentionedChannelIds, mentionedRoleIds, mentionedUserIds, renderDiscordText } from './discord-text';

describe('renderDiscordText', () => {
  const names = {
    userName: (id: string) => ({ '111': 'Ana', '222': 'Ben Okafor' })[id],
    roleName: (id: string) => ({ '333': 'oncall' })[id],
    channelName: (id: string) => ({ '444': 'general' })[id],
  };

  it('renders user mentions, with or without the nickname marker, and lists each user once', () => {
    const rendered = renderDiscordText('<@111> and <@!222>, then <@111> again', names);
    expect(rendered.text).toBe('@Ana and @Ben Okafor, then @Ana again');
    expect(rendered.mentions).toEqual([
      { id: '111', name: 'Ana' },
      { id: '222', name: 'Ben Okafor' },
    ]);
  });

  it('falls back to the id for people, roles and channels it cannot name', () => {
    const rendered = renderDiscordText('<@999> <@&998> <#997>', names);
    expect(rendered.text).toBe('@999 @998 #997');
    expect(rendered.mentions).toEqual([{ id: '999', name: '999' }]);
  });

  it('renders roles, channels, custom emoji, timestamps and command mentions', () => {
    const text =
      '<@&333> see <#444> <:party:123> <a:wave:456> at <t:1772442000> (<t:1772442000:R>) run </deploy prod:789>';
    expect(renderDiscordText(text, names).text).toBe(
      '@oncall see #general :party: :wave: at 2026-03-02T09:00:00.000Z (2026-03-02T09:00:00.000Z) run /deploy prod',
    );
  });

  it('leaves other angle brackets and plain text alone', () => {
    const text = 'if a < b and b > c: <https://example.com> @everyone <@abc>';
    expect(renderDiscordText(text, names)).toEqual({ text, mentions: [] });
  });

  it('lists the ids mentioned, each once', () => {
    const text = '<@1> <@!2> <@1> <@&3> <#4> <#4>';
    expect(mentionedUserIds(text)).toEqual(['1', '2']);
    expect(mentionedRoleIds(text)).toEqual(['3']);
    expect(mentionedChannelIds(text)).toEqual(['4']);
  });
});

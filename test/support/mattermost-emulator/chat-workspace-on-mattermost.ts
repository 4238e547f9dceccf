import { ChatMessage, ChatWorkspace, renderMentions } from '../chat-fixture';
import type { MattermostEmulator } from './mattermost-emulator';

/**
 * The neutral chat fixture loaded into the Mattermost emulator, and the fixture's keys mapped to the
 * ids the emulator gave: users with nickname = display name (what the connector shows), first and last
 * name from the real name; one team; the channels; posts with `@username` mentions, replies under
 * their root.
 */
export class ChatWorkspaceOnMattermost {
  readonly teamName = 'atlas';
  teamId = '';
  private readonly userIds = new Map<string, string>();
  private readonly usernames = new Map<string, string>();
  private readonly channelIds = new Map<string, string>();
  private readonly postIds = new Map<string, string>();

  constructor(private readonly emulator: MattermostEmulator) {}

  load(chat: ChatWorkspace): this {
    const { workspace } = this.emulator;
    for (const user of chat.users) {
      const [firstName, ...lastNames] = user.realName.split(' ');
      const stored = workspace.addUser({
        username: user.username,
        nickname: user.displayName,
        firstName,
        lastName: lastNames.join(' '),
        isBot: user.isBot,
      });
      this.userIds.set(user.key, stored.id);
      this.usernames.set(user.key, user.username);
    }
    this.teamId = workspace.addTeam({ name: this.teamName, displayName: 'Atlas' }).id;
    for (const channel of chat.channels) {
      const stored = workspace.addChannel({ teamId: this.teamId, name: channel.name, createdAt: channel.createdAt });
      this.channelIds.set(channel.key, stored.id);
      for (const message of channel.messages) {
        this.post(channel.key, message);
        for (const reply of message.replies ?? []) this.post(channel.key, reply, message.key);
      }
    }
    return this;
  }

  post(channelKey: string, message: ChatMessage, rootKey?: string): string {
    const post = this.emulator.workspace.post(this.channelId(channelKey), {
      userId: this.userId(message.author),
      message: renderMentions(message.text, (key) => `@${this.usernames.get(key) ?? key}`),
      at: message.at,
      rootId: rootKey ? this.postId(channelKey, rootKey) : undefined,
    });
    this.postIds.set(`${channelKey}/${message.key}`, post.id);
    return post.id;
  }

  edit(channelKey: string, messageKey: string, text: string, at: Date): void {
    this.emulator.workspace.edit(this.postId(channelKey, messageKey), text, at);
  }

  remove(channelKey: string, messageKey: string, at: Date): void {
    this.emulator.workspace.remove(this.postId(channelKey, messageKey), at);
  }

  userId(userKey: string): string {
    return required(this.userIds.get(userKey), `user ${userKey}`);
  }

  channelId(channelKey: string): string {
    return required(this.channelIds.get(channelKey), `channel ${channelKey}`);
  }

  postId(channelKey: string, messageKey: string): string {
    return required(this.postIds.get(`${channelKey}/${messageKey}`), `message ${messageKey} in ${channelKey}`);
  }
}

function required(id: string | undefined, what: string): string {
  if (!id) throw new Error(`No ${what} in the emulated Mattermost server`);
  return id;
}

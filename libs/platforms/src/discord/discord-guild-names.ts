import type { DiscordApiClient } from './discord-api-client';
import { mentionedChannelIds, mentionedRoleIds } from './discord-text';
import type { DiscordChannel, DiscordMessage } from './discord-types';

/**
 * Names of a guild's roles and channels, for rendering `<@&id>` and `<#id>`. Each list is read once,
 * and only when a message mentions something not yet known.
 */
export class DiscordGuildNames {
  private readonly channels = new Map<string, string>();
  private readonly roles = new Map<string, string>();
  private channelsLoaded = false;
  private rolesLoaded = false;

  constructor(
    private readonly api: DiscordApiClient,
    private readonly guildId: string | undefined,
  ) {}

  remember(channels: Iterable<DiscordChannel>): void {
    for (const channel of channels) if (channel.name) this.channels.set(channel.id, channel.name);
  }

  async prepare(messages: readonly DiscordMessage[], signal?: AbortSignal): Promise<void> {
    if (!this.guildId) return;
    const contents = messages.map((message) => message.content ?? '');
    if (!this.rolesLoaded && contents.some((text) => mentionedRoleIds(text).length > 0)) {
      for (const role of await this.api.guildRoles(this.guildId, signal)) this.roles.set(role.id, role.name);
      this.rolesLoaded = true;
    }
    const unknownChannel = contents.some((text) => mentionedChannelIds(text).some((id) => !this.channels.has(id)));
    if (!this.channelsLoaded && unknownChannel) {
      this.remember(await this.api.guildChannels(this.guildId, signal));
      this.channelsLoaded = true;
    }
  }

  roleName = (roleId: string): string | undefined => this.roles.get(roleId);

  channelName = (channelId: string): string | undefined => this.channels.get(channelId);
}

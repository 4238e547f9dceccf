export * from './discord-emulator';
export * from './discord-guild';
export { discordTimestamp, snowflakeMs } from './snowflakes';

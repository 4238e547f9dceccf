/** Dates and durations as a person reads them, in the browser's locale and time zone. */
export function formatTime(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone });
}

export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

export function secondsBetween(from: string | null | undefined, to: string | Date | null | undefined): number | null {
  if (!from || !to) return null;
  const end = typeof to === 'string' ? Date.parse(to) : to.getTime();
  return Math.max(0, (end - Date.parse(from)) / 1000);
}

export const PLATFORM_NAMES: Record<string, string> = {
  slack: 'Slack',
  slack_export: 'Slack export',
  discord: 'Discord',
  discord_export: 'Discord export (DiscordChatExporter)',
  mattermost: 'Mattermost',
  teams: 'Microsoft Teams',
  generic_import: 'CSV / JSON lines',
};

export const STAGE_NAMES: Record<string, string> = {
  fetching_messages: 'Fetching messages',
  extracting_facts: 'Extracting facts',
  building_graph: 'Building graph',
  generating_wiki: 'Generating wiki',
};

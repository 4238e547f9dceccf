import { cpSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Logger } from '@nestjs/common';
import { NotFoundError } from '@atlas/common';
import type { AtlasConfig } from '@atlas/config';
import { ConnectionsService } from '@atlas/gateway';

export const DEMO_CONNECTION_ID = 'conn_demo';
const DEMO_FOLDER = 'demo-slack-export';

/**
 * Registers the demo Slack export shipped with the project (demo/slack-export), once: it is copied into
 * the import folder (exports must live there) and connected like any other export.
 */
export async function registerDemoConnection(connections: ConnectionsService, config: AtlasConfig): Promise<void> {
  try {
    await connections.get(DEMO_CONNECTION_ID);
    return;
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
  }
  const target = join(config.importDir, DEMO_FOLDER);
  if (!existsSync(target)) cpSync(join(projectRoot(), 'demo', 'slack-export'), target, { recursive: true });
  const created = await connections.create({
    connection_id: DEMO_CONNECTION_ID,
    name: 'Demo workspace (Slack export)',
    platform: 'slack_export',
    config: { path: DEMO_FOLDER },
    credentials: null,
  });
  new Logger('Demo').log(
    `registered the demo export: channels ${created.channels.map((c) => c.channel_id).join(', ')}`,
  );
}

/** The folder holding this project's package.json, from the sources or from dist alike. */
function projectRoot(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'atlas-sync') return dir;
  }
  throw new Error('cannot find the atlas-sync project folder (for demo/slack-export)');
}

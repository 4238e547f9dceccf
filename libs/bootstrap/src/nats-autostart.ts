import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import type { AtlasConfig } from '@atlas/config';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * For the all-in-one mode on a fresh machine: when nothing listens at NATS_URL, that URL is local and
 * `nats-server` is on PATH, starts one with JetStream storage in the data dir. Returns how to stop it,
 * or null when an existing server is used (or none can be started: the connect attempt then explains).
 */
export async function startLocalNatsIfMissing(config: AtlasConfig): Promise<(() => Promise<void>) | null> {
  const url = new URL(
    config.natsUrl
      .split(',')[0]
      .trim()
      .replace(/^nats:/, 'http:'),
  );
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || 4222);
  if (await accepts(host, port)) return null;
  const log = new Logger('NATS');
  if (!LOCAL_HOSTS.has(host)) return null;
  if (spawnSync('nats-server', ['--version']).error) {
    log.warn(`nothing listens at ${config.natsUrl} and nats-server is not on PATH`);
    return null;
  }
  const storeDir = join(config.dataDir, 'nats');
  mkdirSync(storeDir, { recursive: true });
  const server: ChildProcess = spawn('nats-server', ['-a', host, '-p', String(port), '-js', '-sd', storeDir], {
    stdio: 'ignore',
  });
  const deadline = Date.now() + 10_000;
  while (!(await accepts(host, port))) {
    if (server.exitCode !== null || Date.now() > deadline)
      throw new Error(`could not start nats-server on ${host}:${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  log.log(`started nats-server on ${host}:${port} with JetStream storage in ${storeDir}`);
  return () =>
    new Promise<void>((resolve) => {
      if (server.exitCode !== null) return resolve();
      server.once('exit', () => resolve());
      server.kill('SIGTERM');
    });
}

function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = netConnect({ host, port, timeout: 1_000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

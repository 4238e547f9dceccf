import { ConfigError, loadConfig } from '@atlas/config';
import { errorMessage } from '@atlas/common';
import { enableFatalErrorReports, EXIT_CODE } from '@atlas/supervisor';
import { crashForThread, installCrashHandlers, noteStopReason } from './crash-handlers';
import { stopOnSignals } from './graceful-stop';
import { watchHeap } from './heap-watch';
import { startService } from './start-service';
import { ServiceName } from './service-plans';
import { linkToSupervisor } from './supervisor-link';
import { ListeningAddress } from './listening-address';

/**
 * The whole of an app's main(): start, print what a first user needs, stop cleanly on SIGINT/SIGTERM,
 * and never end without a line that says why (crash-handlers.ts, heap-watch.ts, @atlas/supervisor).
 */
export async function runService(name: ServiceName): Promise<void> {
  installCrashHandlers(name);
  try {
    enableFatalErrorReports(loadConfig(process.env).dataDir);
    const service = await startService(name, {
      onThreadCrash: (reason, error) => crashForThread(name, reason, error),
    });
    if (service.generatedApiKey) {
      process.stdout.write(
        `\nNo ATLAS_API_KEYS set: generated an API key and kept it in the data dir.\n` +
          `  API key: ${service.generatedApiKey}\n` +
          `  Use it as: Authorization: Bearer ${service.generatedApiKey}\n\n`,
      );
    }
    if (service.listening) process.stdout.write(`${listeningLine(name, service.listening)}\n`);
    watchHeap(name);
    linkToSupervisor(stopOnSignals(name, () => service.close()));
  } catch (error) {
    const message =
      error instanceof ConfigError ? error.message : `Atlas Sync ${name} failed to start: ${errorMessage(error)}`;
    process.stderr.write(`${message}\n`);
    noteStopReason(message.split('\n')[0]);
    process.exit(EXIT_CODE.startFailed);
  }
}

/** What a person reads to reach the API, and how far it is reachable: loopback only, or every interface. */
function listeningLine(name: ServiceName, listening: ListeningAddress): string {
  if (!listening.allInterfaces) return `Atlas Sync ${name} is listening on ${listening.url}`;
  return (
    `Atlas Sync ${name} is listening on all interfaces (${listening.host} port ${listening.port}): ` +
    `${listening.url} on this machine, or this machine's address from elsewhere`
  );
}

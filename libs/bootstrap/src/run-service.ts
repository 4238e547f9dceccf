import { ConfigError } from '@atlas/config';
import { errorMessage } from '@atlas/common';
import { startService } from './start-service';
import { ServiceName } from './service-plans';

/** The whole of an app's main(): start, print what a first user needs, stop cleanly on SIGINT/SIGTERM. */
export async function runService(name: ServiceName): Promise<void> {
  try {
    const service = await startService(name);
    if (service.generatedApiKey) {
      process.stdout.write(
        `\nNo ATLAS_API_KEYS set: generated an API key and kept it in the data dir.\n` +
          `  API key: ${service.generatedApiKey}\n` +
          `  Use it as: Authorization: Bearer ${service.generatedApiKey}\n\n`,
      );
    }
    if (service.url) process.stdout.write(`Atlas Sync ${name} is listening on ${service.url}\n`);
    let stopping = false;
    const stop = async () => {
      if (stopping) return;
      stopping = true;
      await service.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    process.stderr.write(
      `${error instanceof ConfigError ? error.message : `Atlas Sync ${name} failed to start: ${errorMessage(error)}`}\n`,
    );
    process.exit(1);
  }
}

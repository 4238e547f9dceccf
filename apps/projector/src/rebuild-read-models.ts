import { loadConfig, resolveSecrets } from '@atlas/config';
import { rebuildReadModels } from '@atlas/read-models';
import { createRuntime } from '@atlas/runtime';

/**
 * `npm run read-models:rebuild`: rebuilds every read model from the event log. Stop the projector
 * (or the all-in-one) first; start it again afterwards.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const runtime = await createRuntime(
    config,
    resolveSecrets(config, { generateMissing: false, needApiKeys: false, needSecretKey: false }),
    'rebuild',
  );
  try {
    const started = Date.now();
    const { events, rejected } = await rebuildReadModels(runtime.store, runtime.events);
    process.stdout.write(
      `rebuilt the ${runtime.store.kind} read models from ${events} events (${rejected} rejected) in ${Date.now() - started} ms\n`,
    );
  } finally {
    await runtime.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

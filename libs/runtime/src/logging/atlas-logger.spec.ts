import { Logger } from '@nestjs/common';
import { createLogger, withLogFields } from '../logger';

/** A logger writing JSON lines into an array, at the given Nest level. */
function capture(logLevel: 'log' | 'debug' | 'warn' = 'log') {
  const lines: string[] = [];
  const logger = createLogger({ logLevel, logFormat: 'json' }, 'test-service', { write: (line) => lines.push(line) });
  return { logger, parsed: () => lines.map((line) => JSON.parse(line)) };
}

describe('AtlasLogger: Nest Logger calls as pino lines', () => {
  it('takes the context Nest passes last, and turns the objects after the text into fields', () => {
    const { logger, parsed } = capture();
    logger.log('started sync_1', { job_id: 'sync_1', channel_id: 'C1' }, 'Dispatcher');
    logger.log('no context given');
    expect(parsed()).toEqual([
      expect.objectContaining({
        level: 'info',
        service: 'test-service',
        context: 'Dispatcher',
        message: 'started sync_1',
        job_id: 'sync_1',
        channel_id: 'C1',
        time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      }),
      // The service's name is the context of a line without one (the supervisor's lines).
      expect.objectContaining({ context: 'test-service', message: 'no context given' }),
    ]);
  });

  it("reads an object given as the message, and keeps an Error and Nest's (message, stack, context)", () => {
    const { logger, parsed } = capture();
    logger.warn({ message: 'platform probe failed', connection_id: 'conn_1' }, 'PlatformProbe');
    logger.error(new Error('boom'), 'Gateway');
    logger.error('Unhandled', 'Error: x\n    at thing (file.js:1:2)', 'ExceptionHandler');
    const [probe, thrown, nest] = parsed();
    expect(probe).toMatchObject({ level: 'warn', message: 'platform probe failed', connection_id: 'conn_1' });
    expect(thrown).toMatchObject({ level: 'error', message: 'boom', err: { type: 'Error', message: 'boom' } });
    expect(thrown.err.stack).toContain('atlas-logger.spec');
    expect(nest).toMatchObject({
      message: 'Unhandled',
      stack: expect.stringContaining('at thing'),
      context: 'ExceptionHandler',
    });
  });

  it("writes nothing below the configured level (verbose is pino's trace)", () => {
    const { logger, parsed } = capture('warn');
    logger.log('not this');
    logger.debug?.('nor this');
    logger.verbose?.('nor this');
    logger.warn('this');
    expect(parsed().map((line) => line.message)).toEqual(['this']);
  });

  it('adds the fields of withLogFields to every line logged inside, through new Logger(context) too', async () => {
    const { logger, parsed } = capture();
    Logger.overrideLogger(logger);
    const log = new Logger('JobStage');
    await withLogFields({ job_id: 'sync_2', channel_id: 'C2' }, async () => {
      await withLogFields({ stage: 'building_graph' }, async () => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        log.log('inside');
      });
    });
    log.log('outside');
    const [inside, outside] = parsed();
    expect(inside).toMatchObject({ context: 'JobStage', job_id: 'sync_2', channel_id: 'C2', stage: 'building_graph' });
    expect(outside.job_id).toBeUndefined();
  });

  it('masks Bearer tokens in the text and redacts secret fields', () => {
    const { logger, parsed } = capture();
    logger.log('sent Authorization: Bearer abc.def-123 to the platform', {
      credentials: { token: 'xoxb-1' },
      config: { base_url: 'https://x', token: 'xoxb-2' },
      api_key: 'k',
    });
    const [line] = parsed();
    expect(line).toMatchObject({
      message: 'sent Authorization: Bearer [redacted] to the platform',
      credentials: '[redacted]',
      config: { base_url: 'https://x', token: '[redacted]' },
      api_key: '[redacted]',
    });
    expect(JSON.stringify(line)).not.toMatch(/abc\.def|xoxb/);
  });
});

import { explainExit } from './exit-reason';

const exit = { code: null, signal: null, report: null, oomKilled: null };

describe('explainExit', () => {
  it('names a V8 heap death and its report', () => {
    const reason = explainExit({
      ...exit,
      signal: 'SIGABRT',
      report: { path: '/data/reports/report.1.json', event: 'Allocation failed - JavaScript heap out of memory' },
    });
    expect(reason.kind).toBe('heap_out_of_memory');
    expect(reason.text).toContain('/data/reports/report.1.json');
    expect(reason.text).toContain('--max-old-space-size');
  });

  it('tells an OOM kill from a kill -9 when the cgroup counted it', () => {
    expect(explainExit({ ...exit, signal: 'SIGKILL', oomKilled: true }).kind).toBe('oom_killed');
    const unknown = explainExit({ ...exit, signal: 'SIGKILL', oomKilled: false });
    expect(unknown.kind).toBe('killed');
    expect(unknown.text).toContain('dmesg');
  });

  it('reads the exit codes of the services', () => {
    expect(explainExit({ ...exit, code: 70 }).kind).toBe('crashed');
    expect(explainExit({ ...exit, code: 1 }).kind).toBe('start_failed');
    expect(explainExit({ ...exit, code: 2 }).kind).toBe('stop_failed');
    expect(explainExit({ ...exit, code: 0 }).kind).toBe('stopped');
    expect(explainExit({ ...exit, signal: 'SIGABRT' }).kind).toBe('fatal_error');
    expect(explainExit({ ...exit, code: 9 }).text).toBe('exit code 9');
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * How many processes of this process's memory cgroup the kernel's OOM killer has killed so far, or null
 * where that cannot be read. cgroup v2 counts every kind of OOM kill in memory.events; cgroup v1 counts
 * kills at the group's own limit in memory.oom_control. Comparing two readings around a SIGKILL tells an
 * OOM kill from a kill -9.
 */
export function oomKillCount(): number | null {
  let cgroups: string;
  try {
    cgroups = readFileSync('/proc/self/cgroup', 'utf8');
  } catch {
    return null;
  }
  const candidates: string[] = [];
  for (const line of cgroups.split('\n')) {
    const [, controllers, path] = line.split(':');
    if (path === undefined) continue;
    if (controllers === '') candidates.push(join('/sys/fs/cgroup', path, 'memory.events'));
    if (controllers.split(',').includes('memory'))
      candidates.push(join('/sys/fs/cgroup/memory', path, 'memory.oom_control'));
  }
  // Inside a container the group is often mounted as the root.
  candidates.push('/sys/fs/cgroup/memory.events', '/sys/fs/cgroup/memory/memory.oom_control');
  for (const file of candidates) {
    try {
      const found = /^oom_kill (\d+)$/m.exec(readFileSync(file, 'utf8'));
      if (found) return Number(found[1]);
    } catch {
      // not this layout
    }
  }
  return null;
}

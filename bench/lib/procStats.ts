import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';

/** Reads another process's CPU time and memory from /proc (Linux only); both servers are measured alike. */

let ticksPerSecond: number | null = null;
function clockTicks(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** User + system CPU seconds the process has used so far, all its threads. */
export function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may contain spaces; fields after the closing parenthesis are fixed.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return (utime + stime) / clockTicks();
}

export interface MemoryStatus {
  /** Resident set size now, bytes. */
  rss: number;
  /** Peak resident set size since the process started (VmHWM), bytes. */
  peakRss: number;
}

export function memoryStatus(pid: number): MemoryStatus {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => {
    const match = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) * 1024 : 0;
  };
  return { rss: kb('VmRSS'), peakRss: kb('VmHWM') };
}

/**
 * Samples a process's RSS every `everyMs` to catch peaks between the explicit readings; VmHWM is
 * read too, so a spike shorter than the interval still counts.
 */
export class ProcSampler {
  private timer: NodeJS.Timeout | null = null;
  maxRss = 0;
  samples = 0;

  constructor(
    readonly pid: number,
    private readonly everyMs = 250,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.sample(), this.everyMs);
    this.timer.unref();
  }

  sample(): MemoryStatus | null {
    try {
      const mem = memoryStatus(this.pid);
      this.maxRss = Math.max(this.maxRss, mem.rss, mem.peakRss);
      this.samples++;
      return mem;
    } catch {
      return null; // the process has exited
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

export function machineInfo() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

/** Busy and total CPU seconds of the whole machine so far (all cores), from /proc/stat. */
export function machineCpuSeconds(): { busy: number; total: number } {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal (guest time is already inside user/nice)
  const idle = (v[3] ?? 0) + (v[4] ?? 0);
  const total = v.slice(0, 8).reduce((a, b) => a + b, 0);
  const tick = clockTicks();
  return { busy: (total - idle) / tick, total: total / tick };
}

/**
 * Waits (at most `maxMs`) until the other processes on the machine use less than `thresholdCores`
 * of CPU, measured over 2 s windows; returns the seconds waited and the last reading.
 */
export async function waitForQuiet(ownPids: number[], thresholdCores: number, maxMs: number): Promise<{ waitedS: number; otherCores: number }> {
  const started = Date.now();
  let other = 0;
  for (let i = 0; i < 1000; i++) {
    const m0 = machineCpuSeconds();
    const own0 = ownCpu(ownPids);
    await new Promise((r) => setTimeout(r, 2000));
    const m1 = machineCpuSeconds();
    const own1 = ownCpu(ownPids);
    const wall = (m1.total - m0.total) / os.cpus().length;
    other = wall > 0 ? Math.max(0, (m1.busy - m0.busy - (own1 - own0)) / wall) : 0;
    if (other < thresholdCores || Date.now() - started >= maxMs) break;
  }
  return { waitedS: Math.round((Date.now() - started) / 1000), otherCores: Math.round(other * 100) / 100 };
}

function ownCpu(pids: number[]): number {
  const self = process.cpuUsage();
  let n = (self.user + self.system) / 1e6;
  for (const pid of pids) {
    try {
      n += cpuSeconds(pid);
    } catch {
      // exited
    }
  }
  return n;
}

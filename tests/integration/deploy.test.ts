import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startEnv } from '../helpers/startEnv';
import { nginxBinary } from '../helpers/front';
import { ROOT } from '../helpers/server';

/**
 * The deployment files. No Docker engine runs here, so docker-compose only validates the file
 * (`config`); the same topology runs with processes in tests/integration/scale.test.ts.
 * .ci/run installs docker-compose and nginx; elsewhere a missing tool skips its test with a reason
 * (in CI it fails instead).
 */
function which(binary: string): string | null {
  const found = spawnSync('sh', ['-c', `command -v ${binary}`], { encoding: 'utf8' }).stdout.trim();
  return found || null;
}

function needs(tool: string, binary: string | null): boolean {
  if (binary) return true;
  if (process.env.CI === 'true') throw new Error(`${tool} is required in CI (.ci/run installs it)`);
  console.warn(`[deploy] SKIPPED the ${tool} check: ${tool} is not installed (apt-get install ${tool})`);
  return false;
}

const compose = which('docker-compose');
const nginx = nginxBinary();

describe('deployment files', () => {
  it.skipIf(!needs('docker-compose', compose))(
    'docker-compose accepts docker-compose.yml: redis (AOF), two apps, nginx, health checks',
    () => {
      const config = spawnSync(compose!, ['-f', 'docker-compose.yml', 'config'], { cwd: ROOT, encoding: 'utf8' });
      expect(config.status, config.stderr).toBe(0);
      const services = spawnSync(compose!, ['-f', 'docker-compose.yml', 'config', '--services'], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      expect(services.stdout.trim().split('\n').sort()).toEqual(['app1', 'app2', 'nginx', 'redis']);
      const out = config.stdout;
      expect(out).toMatch(/- --appendonly\n\s*- ["']?yes["']?\n\s*- --appendfsync\n\s*- always\n/);
      expect(out.match(/REDIS_URL: redis:\/\/redis:6379/g)).toHaveLength(2);
      expect(out.match(/healthcheck:/g)).toHaveLength(4);
      // The exception policy exits with 1 and relies on a supervisor (README "Running in production").
      expect(out.match(/restart: unless-stopped/g)).toHaveLength(4);
      expect(out.match(/condition: service_healthy/g)?.length).toBeGreaterThanOrEqual(4);
    },
  );

  it.skipIf(!needs('nginx', nginx))('nginx accepts deploy/nginx.conf with the shared location rules', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casusbord-nginx-t-'));
    try {
      // Compose service names do not resolve here: point them at local addresses for the syntax check.
      const conf = fs
        .readFileSync(path.join(ROOT, 'deploy', 'nginx.conf'), 'utf8')
        .replace(/app1:3000/g, '127.0.0.1:3001')
        .replace(/app2:3000/g, '127.0.0.1:3002')
        .replace('/etc/nginx/casusbord-locations.conf', path.join(ROOT, 'deploy', 'casusbord-locations.conf'))
        .replace('listen 80;', 'listen 127.0.0.1:1;');
      fs.writeFileSync(path.join(dir, 'nginx.conf'), `pid ${dir}/nginx.pid;\n${conf}`);
      const test = spawnSync(
        nginx!,
        ['-t', '-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')],
        {
          encoding: 'utf8',
        },
      );
      expect(test.status, test.stderr).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the Dockerfile is multi-stage, runs as a non-root user and starts the compiled server', () => {
    const dockerfile = fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(3);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK /m);
    expect(dockerfile).toContain('COPY --from=build /app/server/dist ./server/dist');
    expect(dockerfile).toContain('CMD ["node", "server/dist/main.js"]');
    // The image runs the server with the variables npm start sets (MALLOC_ARENA_MAX), which the bench reads too.
    const env = startEnv(ROOT);
    expect(Object.keys(env)).toContain('MALLOC_ARENA_MAX');
    const dockerEnv = dockerfile.match(/^ENV (.*)$/m)?.[1]?.split(/\s+/) ?? [];
    for (const [name, value] of Object.entries(env)) expect(dockerEnv).toContain(`${name}=${value}`);
  });
});

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './ports';
import { ROOT } from './server';
import { waitFor } from './wait';

export interface Front {
  url: string;
  wsUrl: string;
  kind: 'nginx' | 'tcp';
  close(): Promise<void>;
}

export function nginxBinary(): string | null {
  for (const candidate of ['/usr/sbin/nginx', '/usr/bin/nginx']) if (fs.existsSync(candidate)) return candidate;
  const found = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' }).stdout.trim();
  return found || null;
}

/**
 * A load balancer on 127.0.0.1 in front of two instances: `primary` gets every connection while it
 * is up, `backup` once it refuses, like nginx's `backup` server. Debian's nginx with the real
 * deploy/casusbord-locations.conf when installed (.ci/run installs it); otherwise a small TCP
 * proxy with the same failover, and a warning.
 */
export async function startFront(primary: number, backup: number): Promise<Front> {
  const nginx = nginxBinary();
  if (nginx) return startNginx(nginx, primary, backup);
  console.warn('[front] nginx is not installed; using a TCP proxy instead (apt-get install nginx-light)');
  return startTcpProxy(primary, backup);
}

async function startNginx(binary: string, primary: number, backup: number): Promise<Front> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casusbord-nginx-'));
  const port = await freePort();
  const upstream = (name: string) => `
    upstream ${name} {
      server 127.0.0.1:${primary} max_fails=1 fail_timeout=5s;
      server 127.0.0.1:${backup} backup;
    }`;
  const conf = `
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  map $http_upgrade $connection_upgrade { default upgrade; '' close; }
  ${upstream('casusbord_app')}
  ${upstream('casusbord_sio')}
  server {
    listen 127.0.0.1:${port};
    include ${path.join(ROOT, 'deploy', 'casusbord-locations.conf')};
  }
}`;
  fs.writeFileSync(path.join(dir, 'nginx.conf'), conf);
  const child = spawn(binary, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    `nginx on ${port}`,
    async () => {
      if (child.exitCode !== null) throw new Error(`nginx exited: ${output}`);
      return fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
    },
    10000,
  );
  return {
    url,
    wsUrl: `ws://127.0.0.1:${port}`,
    kind: 'nginx',
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => {
          fs.rmSync(dir, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

async function startTcpProxy(primary: number, backup: number): Promise<Front> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    client.pause();
    const connect = (ports: number[]) => {
      const [port, ...rest] = ports;
      if (port === undefined) return client.destroy();
      const upstream = net.connect(port, '127.0.0.1');
      let connected = false;
      // Refused (the instance is down): try the next one; failing later: drop the client.
      upstream.on('error', () => (connected ? client.destroy() : connect(rest)));
      upstream.once('connect', () => {
        connected = true;
        sockets.add(upstream);
        upstream.on('close', () => client.destroy());
        client.on('close', () => upstream.destroy());
        client.pipe(upstream).pipe(client);
        client.resume();
      });
    };
    connect([primary, backup]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    kind: 'tcp',
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

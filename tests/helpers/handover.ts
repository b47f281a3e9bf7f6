import type { HandoverResponse, JoinResponse } from '@casusbord/shared';
import { postJson } from './api';

/** Joins with an explicit answer to "may the report name you?". */
export async function joinWithConsent(
  base: string,
  code: string,
  name: string,
  consent?: boolean,
): Promise<JoinResponse> {
  const res = await postJson(`${base}/api/join`, consent === undefined ? { code, name } : { code, name, consent });
  if (res.status !== 200) throw new Error(`join failed: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json as unknown as JoinResponse;
}

export async function handOver(base: string, sessionId: string, hostToken: string): Promise<HandoverResponse> {
  const res = await postJson(
    `${base}/api/sessions/${sessionId}/handover`,
    {},
    { authorization: `Bearer ${hostToken}` },
  );
  if (res.status !== 200) throw new Error(`handover failed: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json as unknown as HandoverResponse;
}

export async function fetchReport(
  base: string,
  token: string,
  format: string,
): Promise<{ status: number; headers: Headers; body: Buffer }> {
  const res = await fetch(`${base}/api/reports/${token}?format=${format}`);
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

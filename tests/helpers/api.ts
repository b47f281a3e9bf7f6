import type { CreateSessionResponse, JoinResponse } from '@casusbord/shared';

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, json: json as Record<string, unknown> & { error?: { code: string; message: string } } };
}

export async function createSession(
  base: string,
  overrides: Record<string, unknown> = {},
): Promise<CreateSessionResponse> {
  const res = await postJson(`${base}/api/sessions`, {
    title: 'Intervisie wijkaanpak',
    city: 'Amersfoort',
    question: 'Hoe smeden we de partners tot één team?',
    ...overrides,
  });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json as unknown as CreateSessionResponse;
}

export async function join(base: string, code: string, name: string): Promise<JoinResponse> {
  const res = await postJson(`${base}/api/join`, { code, name });
  if (res.status !== 200) throw new Error(`join failed: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json as unknown as JoinResponse;
}

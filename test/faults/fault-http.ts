/** How a request proves who sends it: a staff session (cookie and CSRF token) or a bearer token. */
export type Credentials = { cookie: string; csrfToken: string } | { bearer: string };

/** The server's answer, or `undefined` when none came because the server died. */
export type Answer = { status: number; body: any } | undefined;

/**
 * Sends one JSON request. A request the server never answers (it was killed) resolves `undefined`
 * instead of throwing: the caller cannot know whether it took effect, and the checks after the restart
 * accept either outcome for it — but only for it.
 *
 * @example
 * const answer = await send(url, 'POST', '/api/v1/feeds/fault', { bearer: token }, { records });
 */
export async function send(base: string, method: string, path: string, credentials: Credentials, body?: unknown): Promise<Answer> {
  const headers: Record<string, string> =
    'bearer' in credentials ? { authorization: `Bearer ${credentials.bearer}` } : { cookie: `jifen_session=${credentials.cookie}`, 'x-csrf-token': credentials.csrfToken };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`${base}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  } catch {
    return undefined;
  }
  try {
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  } catch {
    // The status line came but the body was cut by the kill: no answer either.
    return undefined;
  }
}

/**
 * Signs a staff account in and answers its session.
 *
 * @example
 * const editor = await signIn(url, 'fault.editor', password);
 */
export async function signIn(base: string, username: string, password: string): Promise<{ cookie: string; csrfToken: string }> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${username} answered ${res.status}: ${await res.text()}`);
  const cookie = /jifen_session=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  if (!cookie) throw new Error(`sign-in of ${username} set no session cookie`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

/** A request answered with a status the workload did not expect: a problem unless the server died. */
export function unexpected(what: string, answer: NonNullable<Answer>): string {
  return `${what} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 200)}`;
}

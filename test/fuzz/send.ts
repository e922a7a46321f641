import { request } from 'node:http';

export interface RawResponse {
  status: number;
  contentType: string;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * Sends one request over a fresh connection and answers the response, whatever happens to the body
 * being sent: a server may answer (413) before it has read it all. `declaredLength` sends that
 * `Content-Length` with only `body` behind it; `streamBytes` streams that many bytes, chunked.
 */
export function sendRaw(
  url: string,
  options: { method: string; headers?: Record<string, string>; body?: string; declaredLength?: number; streamBytes?: number },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { connection: 'close', ...options.headers };
    if (options.declaredLength !== undefined) headers['content-length'] = options.declaredLength;
    else if (options.body !== undefined) headers['content-length'] = Buffer.byteLength(options.body);
    const req = request(url, { method: options.method, headers });
    let answered = false;
    req.setTimeout(15_000, () => req.destroy(new Error(`no answer within 15 s to ${options.method} ${url}`)));
    req.on('response', (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), headers: res.headers, text: Buffer.concat(chunks).toString('utf8') });
        req.destroy();
      });
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    if (options.streamBytes !== undefined) {
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let left = options.streamBytes;
      req.write('{"padding":"');
      const pump = () => {
        while (left > 0 && !answered && !req.destroyed) {
          left -= chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        if (!answered && !req.destroyed) req.end('"}');
      };
      pump();
    } else {
      if (options.body !== undefined) req.write(options.body);
      // With a declared length longer than the body, the request stays open until the server answers.
      if (options.declaredLength === undefined) req.end();
    }
  });
}

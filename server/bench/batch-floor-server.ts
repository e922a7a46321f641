import { createServer, type IncomingMessage } from 'node:http';

/**
 * The floor of `POST /api/v1/evaluate/batch` on this machine, for `npm run bench` part (b): a bare Node
 * server that reads the body and parses it (`JSON.parse`, as Jifen must) and answers bytes it holds ready,
 * with no middleware, scan, validation, scoring or writing. A `PUT` (to any path) gives it the bytes to
 * answer (the bench sends Jifen's own answer, so that both send the same size back); a body that is not
 * JSON gets 400. Listens on `PORT` of 127.0.0.1 and says so as `npm start` does.
 */

let answer: Buffer = Buffer.from('{}');

async function read(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const server = createServer((req, res) => {
  void read(req).then((body) => {
    if (req.method === 'PUT') {
      answer = body;
      res.writeHead(204).end();
      return;
    }
    try {
      JSON.parse(body.toString('utf8'));
    } catch {
      res.writeHead(400).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': answer.length });
    res.end(answer);
  });
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  console.log(`Jifen listening on http://127.0.0.1:${port} (bench batch floor)`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));

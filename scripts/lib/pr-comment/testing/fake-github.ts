/**
 * A local stand-in for the few GitHub REST endpoints the comment client uses, on 127.0.0.1 only:
 * list issue comments (paginated with Link headers, 100 per page at most), create a comment, update
 * a comment. Every request is recorded so tests can assert exactly what was sent.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  authorization: string | undefined;
  body: unknown;
}

export interface FakeComment {
  id: number;
  body: string;
}

export interface FakeGitHub {
  url: string;
  requests: RecordedRequest[];
  comments: FakeComment[];
  /** When set, every request is answered with this status and a GitHub-style error message. */
  failWith: { status: number; message: string } | undefined;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as unknown) : undefined;
}

export async function startFakeGitHub(owner: string, repo: string, pullNumber: number): Promise<FakeGitHub> {
  const state: Omit<FakeGitHub, 'url' | 'close'> = { requests: [], comments: [], failWith: undefined };
  let nextId = 1000;
  let base = '';
  const listPath = `/repos/${owner}/${repo}/issues/${pullNumber}/comments`;
  const updatePath = new RegExp(`^/repos/${owner}/${repo}/issues/comments/(\\d+)$`);
  const toJson = (comment: FakeComment) => ({ id: comment.id, body: comment.body, html_url: `https://github.example/${owner}/${repo}/pull/${pullNumber}#issuecomment-${comment.id}` });

  const server: Server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      const url = new URL(request.url ?? '/', base);
      state.requests.push({ method: request.method ?? '', url: `${url.pathname}${url.search}`, authorization: request.headers.authorization, body });
      const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
        response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
        response.end(JSON.stringify(payload));
      };
      if (state.failWith) return send(state.failWith.status, { message: state.failWith.message, documentation_url: 'https://docs.github.com/rest' });
      if (request.method === 'GET' && url.pathname === listPath) {
        const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), 100);
        const page = Number(url.searchParams.get('page') ?? 1);
        const last = Math.max(1, Math.ceil(state.comments.length / perPage));
        const link = (p: number) => `<${base}${listPath}?per_page=${perPage}&page=${p}>`;
        const headers: Record<string, string> = page < last ? { link: `${link(page + 1)}; rel="next", ${link(last)}; rel="last"` } : {};
        return send(200, state.comments.slice((page - 1) * perPage, page * perPage).map(toJson), headers);
      }
      if (request.method === 'POST' && url.pathname === listPath) {
        const comment = { id: nextId++, body: (body as { body: string }).body };
        state.comments.push(comment);
        return send(201, toJson(comment));
      }
      const update = updatePath.exec(url.pathname);
      const existing = update ? state.comments.find((c) => c.id === Number(update[1])) : undefined;
      if (request.method === 'PATCH' && existing) {
        existing.body = (body as { body: string }).body;
        return send(200, toJson(existing));
      }
      send(404, { message: 'Not Found' });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(state, {
    url: base,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  });
}

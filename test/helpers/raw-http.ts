// Raw HTTP/1.1 over node:net, for requests fetch will not send (malformed
// percent-encoding, TRACE, CONNECT, odd Host headers, broken framing): the
// bytes go out as given and the answer is read until the server closes the
// connection (or a deadline passes), then parsed.
import { connect } from 'node:net';

export interface RawAnswer {
  /** 0 when nothing parsable came back. */
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: string;
  raw: string;
  /** The server closed the connection (rather than the deadline ending the read). */
  closed: boolean;
}

export function parseRawAnswer(raw: string, closed: boolean): RawAnswer {
  const end = raw.indexOf('\r\n\r\n');
  const head = end < 0 ? raw : raw.slice(0, end);
  const [statusLine = '', ...lines] = head.split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  let body = end < 0 ? '' : raw.slice(end + 4);
  const length = headers['content-length'];
  if (length !== undefined) body = Buffer.from(body, 'latin1').subarray(0, Number(length)).toString('utf8');
  return { status, headers, body, raw, closed };
}

/** Sends `bytes` to the server at `url` and reads the answer; waits for the close at most `deadlineMs`. */
export function rawRequest(url: string, bytes: string | Buffer, deadlineMs = 5_000): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let done = false;
    const finish = (closed: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(parseRawAnswer(Buffer.concat(chunks).toString('latin1'), closed));
    };
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.on('close', () => finish(true));
    socket.on('error', () => finish(true));
    const timer = setTimeout(() => finish(false), deadlineMs);
  });
}

import { gatewayBase } from './database';

/** An NDJSON export's text: its rows, and its closing line, checked to be `{ type: 'end', count: <rows> }`. */
export function parseNdjsonExport(text: string): { rows: any[]; end: any } {
  const rows = text
    .trim()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line));
  const end = rows.pop();
  expect(end).toMatchObject({ type: 'end', count: rows.length });
  return { rows, end };
}

/** GETs `/exports/<path>` through the gateway, expects 200, and parses the NDJSON (see parseNdjsonExport). */
export async function fetchNdjsonExport(path: string, init?: RequestInit): Promise<{ rows: any[]; end: any; res: Response }> {
  const res = await fetch(`${gatewayBase()}/exports/${path}`, init);
  expect(res.status).toBe(200);
  return { ...parseNdjsonExport(await res.text()), res };
}

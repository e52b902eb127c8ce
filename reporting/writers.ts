// Report writers: each turns the same Results into one file of the report dir.
// New formats (JUnit, HTML, summary) are added to WRITERS; nothing else changes.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Results } from './results.ts';
import { redact } from '../targets/redact.ts';
import { junitXml } from './junit.ts';
import { htmlReport } from './html.ts';
import { summaryMd } from './summary.ts';
import type { ReportWriter } from './report-writer.ts';

export type { ReportWriter };

export const resultsJson: ReportWriter = {
  file: 'results.json',
  render: (r) => `${JSON.stringify(r, null, 2)}\n`,
};

export const WRITERS: ReportWriter[] = [resultsJson, junitXml, htmlReport, summaryMd];

export async function writeReports(dir: string, results: Results, writers: ReportWriter[] = WRITERS): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const w of writers) {
    const path = join(dir, w.file);
    await writeFile(path, redact(w.render(results)));
    written.push(path);
  }
  return written;
}

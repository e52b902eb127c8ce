// What a report format is: the file it writes and how it renders the results.
// The formats (junit.ts, html.ts, summary.ts) implement it; writers.ts lists them.
import type { Results } from './results-types.ts';

export interface ReportWriter {
  file: string;
  render(results: Results): string;
}

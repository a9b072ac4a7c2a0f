import { markdownReport, resultJson, svgDataUri, travelChartSvg } from '@/lib/simulator/report';
import type { SimulationResult } from '@/lib/simulator/run';

export type DownloadFile = { name: string; type: string; content: string };

/** A downloaded report is read away from the repository, where the CLI's relative link is dead. */
const TRAVEL_MODEL_DOCS = 'docs/simulator.md in the Binwise repository';

/** `simulation-<scenario name as a slug>-<YYYY-MM-DD>.<extension>`, dated in the manager's own time zone. */
export function downloadName(scenarioName: string, date: Date, extension: string): string {
  // NFKD splits "ü" into "u" and a combining mark, which goes, so "Süd" reads "sud" rather than "s-d".
  const slug =
    scenarioName
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'scenario';
  const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  return `simulation-${slug}-${day}.${extension}`;
}

/** The result as `npm run -s simulate -- … --json` prints it, so either can be fed to the same tools. */
export function resultsFile(result: SimulationResult, date: Date): DownloadFile {
  return { name: downloadName(result.scenario.name, date, 'json'), type: 'application/json', content: resultJson(result) };
}

/** The CLI's `--report`, as one file: the travel chart rides inside it instead of in an SVG beside it. */
export function reportFile(result: SimulationResult, date: Date): DownloadFile {
  const markdown = markdownReport(result, svgDataUri(travelChartSvg(result)), undefined, { travelModelDocs: TRAVEL_MODEL_DOCS });
  return { name: downloadName(result.scenario.name, date, 'md'), type: 'text/markdown', content: `${markdown}\n` };
}

/** Hands the file to the browser's download through a temporary link; browser only. */
export function saveFile(file: DownloadFile): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: `${file.type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  document.body.append(link);
  link.click();
  link.remove();
  // Not revoked at once: a browser may still be reading the blob after click() returns, and a
  // revoked URL cancels the download. Holding a report's few kilobytes for a minute costs nothing.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

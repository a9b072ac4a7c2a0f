'use client';

import type { SimulationResult } from '@/lib/simulator/run';
import { reportFile, resultsFile, saveFile } from './download';

// The Data quality page's export link: a secondary action beside the figures it takes away.
const BUTTON = 'whitespace-nowrap rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50';

/** Takes the results off the page: the CLI's `--json` and its `--report` with the chart inside, built on click. */
export function SimulationDownloads({ result }: { result: SimulationResult }) {
  return (
    <div className="flex flex-wrap gap-2">
      <button type="button" className={BUTTON} onClick={() => saveFile(resultsFile(result, new Date()))}>
        Download results (JSON)
      </button>
      <button type="button" className={BUTTON} onClick={() => saveFile(reportFile(result, new Date()))}>
        Download report (Markdown)
      </button>
    </div>
  );
}

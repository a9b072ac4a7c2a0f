import { readFile } from 'node:fs/promises';
import { expect, test, type Download } from '@playwright/test';
import { storageStateOf } from '../roles';
import { expectInsideScreen, expectNoSidewaysScroll } from '../screen';

const readDownload = async (download: Download) => readFile(await download.path(), 'utf8');

test.describe('manager simulation', () => {
  test.use({ storageState: storageStateOf('manager') });

  test('a manager runs a small generated simulation, sees charts and the table, and downloads the results and the report', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('/simulation');
    await expect(page.getByRole('heading', { name: 'Simulation', level: 1 })).toBeVisible();
    // A small warehouse keeps the background job to a few seconds.
    await page.getByRole('spinbutton', { name: 'Locations' }).fill('400');
    await page.getByRole('spinbutton', { name: 'SKUs' }).fill('80');
    await page.getByRole('spinbutton', { name: 'Days' }).fill('8');
    await expect(page.getByRole('radio', { name: /Where it is now/ })).toBeChecked();
    await page.getByRole('radio', { name: /Slotted by each policy/ }).check();
    // a capacity what-if: fill to 100% (whatever the tenant's own rules are)
    await page.getByRole('spinbutton', { name: 'Hard cap (%)' }).fill('100');
    await page.getByRole('button', { name: 'Run simulation' }).click();
    await expect(page.getByRole('progressbar', { name: 'Simulation progress' })).toBeVisible();
    const results = page.getByRole('region', { name: 'Simulation results' });
    await expect(results).toBeVisible({ timeout: 90_000 });
    const walking = results.getByRole('table', { name: 'Walking per policy' });
    const bins = results.getByRole('table', { name: 'Bins per policy' });
    for (const table of [walking, bins]) {
      await expect(table.getByRole('rowheader', { name: 'first-fit-by-code', exact: true })).toBeVisible();
      await expect(table.getByRole('rowheader', { name: 'abc-class-based', exact: true })).toBeVisible();
      await expect(table.getByRole('rowheader', { name: 'binwise', exact: true })).toBeVisible();
    }
    await expect(walking.getByRole('columnheader', { name: 'vs first-fit, 2nd half' })).toBeVisible();
    await expect(bins.getByRole('columnheader', { name: 'Band after putaway' })).toBeVisible();
    // neither table scrolls sideways on a 1280 px screen
    for (const table of [walking, bins]) {
      const box = await table.boundingBox();
      const frame = await table.locator('xpath=..').boundingBox();
      expect(box && frame && box.width <= frame.width + 1).toBe(true);
    }
    // under the table, in words, why each policy that left units without a bin left them
    const notPlaced = results.getByRole('list', { name: 'Units not placed, by reason' });
    await expect(notPlaced).toContainText(/first-fit-by-code — \d+ not placed: \d+ no room left/);
    await expect(results.getByRole('figure', { name: /Bins in the 60–85% band per day/ })).toBeVisible();
    await expect(results.getByText(/Day-0 stock slotted by each policy/)).toBeVisible();
    await expect(results.getByText(/Binwise fills bins to .+ first and never past 100%/)).toBeVisible();
    await expect(page.getByRole('progressbar', { name: 'Simulation progress' })).toHaveAttribute('aria-valuenow', '100');
    await page.screenshot({ path: 'test-results/screenshots/manager-simulation.png', fullPage: true });
    // the table with the reasons under it
    await bins.locator('xpath=..').screenshot({ path: 'test-results/screenshots/manager-simulation-not-placed.png' });
    await walking.locator('xpath=..').screenshot({ path: 'test-results/screenshots/manager-simulation-walking.png' });

    // The results leave the page as files: the CLI's --json, and its report with the chart inside.
    const jsonButton = results.getByRole('button', { name: 'Download results (JSON)' });
    const markdownButton = results.getByRole('button', { name: 'Download report (Markdown)' });
    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), jsonButton.click()]);
    expect(jsonDownload.suggestedFilename()).toMatch(/^simulation-generated-seed-1-\d{4}-\d{2}-\d{2}\.json$/);
    const json = JSON.parse(await readDownload(jsonDownload)) as { scenario: { name: string }; policies: { policy: string }[] };
    expect(json.scenario.name).toBe('generated-seed-1');
    expect(json.policies.map((policy) => policy.policy)).toContain('binwise');
    const [markdownDownload] = await Promise.all([page.waitForEvent('download'), markdownButton.click()]);
    expect(markdownDownload.suggestedFilename()).toMatch(/^simulation-generated-seed-1-\d{4}-\d{2}-\d{2}\.md$/);
    const markdown = await readDownload(markdownDownload);
    expect(markdown.startsWith('# Simulation: generated-seed-1\n')).toBe(true);
    expect(markdown).toContain('](data:image/svg+xml;base64,');
    expect(markdown).not.toContain('](../simulator.md)');
    await results.screenshot({ path: 'test-results/screenshots/manager-simulation-downloads.png' });

    // On a 390 px phone both buttons are reachable without scrolling sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await jsonButton.scrollIntoViewIfNeeded();
    await expectInsideScreen(jsonButton);
    await expectInsideScreen(markdownButton);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: 'test-results/screenshots/manager-simulation-downloads-phone.png' });
  });

  test('the simulation job endpoint refuses an unknown job with NOT_FOUND', async ({ request }) => {
    const response = await request.get('/api/simulation/00000000-0000-4000-8000-000000000000');
    expect(response.status()).toBe(404);
    expect((await response.json()).error.code).toBe('NOT_FOUND');
  });
});

test.describe('supervisor simulation', () => {
  test.use({ storageState: storageStateOf('supervisor') });

  test('a supervisor is refused the simulation job endpoint with FORBIDDEN', async ({ request }) => {
    const response = await request.get('/api/simulation/00000000-0000-4000-8000-000000000000');
    expect(response.status()).toBe(403);
  });
});

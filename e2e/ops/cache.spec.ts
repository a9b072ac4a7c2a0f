import { expect, test } from '@playwright/test';
import { storageStateOf } from '../roles';

// Ops read the cache's health (age, last refresh, scheduler in use), refresh it on demand,
// and run the data-quality audit with its CSV export. Supervisors see neither page.
test.describe('ops cache and data quality', () => {
  test.use({ storageState: storageStateOf('ops') });

  test('shows cache health and refreshes on demand', async ({ page }) => {
    await page.goto('/cache');
    await expect(page.getByRole('heading', { name: 'Utilization cache health', level: 1 })).toBeVisible();
    await expect(page.getByText('Cache age')).toBeVisible();
    await expect(page.getByText('Scheduler in use')).toBeVisible();
    await expect(page.getByText(/^(In-app|pg_cron)$/)).toBeVisible();
    await page.getByRole('button', { name: 'Refresh now' }).click();
    await expect(page.getByRole('status').filter({ hasText: /Refreshed [\d,]+ bins/ }).or(page.getByRole('alert').filter({ hasText: /less than 15 seconds/ }))).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Recent full refreshes' })).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/cache.png', fullPage: true });
  });

  test('runs the data-quality audit with thresholds, offending rows and CSV export', async ({ page }) => {
    await page.goto('/data-quality');
    await expect(page.getByRole('heading', { name: 'Data quality audit', level: 1 })).toBeVisible();
    const invalid = page.getByRole('article', { name: 'Bins with invalid capacity' });
    await expect(invalid).toContainText('CRITICAL');
    await expect(invalid).toContainText('expected 0 items (CRITICAL)');
    await expect(page.getByRole('article', { name: 'Materials without ABC classification' })).toContainText("< 100 items (will default to 'C')");
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Export all as CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^data-quality-all-.*\.csv$/);
    await page.screenshot({ path: 'test-results/screenshots/data-quality.png', fullPage: true });
  });
});

test.describe('supervisor', () => {
  test.use({ storageState: storageStateOf('supervisor') });

  test('is refused the cache and data-quality pages and their APIs', async ({ page }) => {
    await page.goto('/cache');
    await expect(page).toHaveURL(/\/denied/);
    expect((await page.request.get('/api/cache')).status()).toBe(403);
    expect((await page.request.get('/api/data-quality/csv')).status()).toBe(403);
  });
});

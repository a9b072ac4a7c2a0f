import { expect, test } from '@playwright/test';
import { storageStateOf } from '../roles';

test.describe('manager simulation', () => {
  test.use({ storageState: storageStateOf('manager') });

  test('a manager runs a small generated simulation and sees charts and the table', async ({ page }) => {
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
    const table = results.getByRole('table');
    await expect(table.getByRole('rowheader', { name: 'first-fit-by-code', exact: true })).toBeVisible();
    await expect(table.getByRole('rowheader', { name: 'abc-class-based', exact: true })).toBeVisible();
    await expect(table.getByRole('rowheader', { name: 'binwise', exact: true })).toBeVisible();
    await expect(table.getByRole('columnheader', { name: 'vs first-fit, 2nd half' })).toBeVisible();
    await expect(table.getByRole('columnheader', { name: 'Band after putaway' })).toBeVisible();
    await expect(results.getByRole('figure', { name: /Bins in the 60–85% band per day/ })).toBeVisible();
    await expect(results.getByText(/Day-0 stock slotted by each policy/)).toBeVisible();
    await expect(results.getByText(/Binwise fills bins to .+ first and never past 100%/)).toBeVisible();
    await expect(page.getByRole('progressbar', { name: 'Simulation progress' })).toHaveAttribute('aria-valuenow', '100');
    await page.screenshot({ path: 'test-results/screenshots/manager-simulation.png', fullPage: true });
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

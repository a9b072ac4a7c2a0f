import { expect, test } from '@playwright/test';
import pg from 'pg';
import { storageStateOf } from '../roles';

// The live heatmap on demo data: a labelled grid per zone and level, a legend whose 60–85%
// band is obvious, hover and click on a bin, filters, and a change made in the database
// showing without a reload.
const databaseUrl = process.env.E2E_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/binwise_e2e';

test.describe('manager heatmap', () => {
  test.use({ storageState: storageStateOf('manager') });

  test('shows every bin on a labelled grid, with tooltip, drawer, filters and live updates', async ({ page }) => {
    await page.setViewportSize({ width: 1600, height: 1000 });
    await page.goto('/heatmap');
    await expect(page.getByRole('heading', { name: 'Bin utilization heatmap', level: 1 })).toBeVisible();
    const grid = page.getByRole('img', { name: /Utilization heatmap of \d+ bins/ });
    await expect(grid).toBeVisible();
    await expect(page.getByText('Target band 60–85%')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Utilization distribution' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Utilization by zone' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Warehouse fill, last 30 days' })).toBeVisible();
    await expect(page.locator('.recharts-surface').first()).toBeVisible();
    const shot = await page.screenshot({ path: 'test-results/screenshots/heatmap.png', fullPage: true });
    // In the HTML report beside the test, so a reviewer sees the grid the test saw.
    await test.info().attach('heatmap on demo data', { body: shot, contentType: 'image/png' });

    // Cells of the first panel's first aisle (labels take 44 px, the panel header 30 px; cells
    // are at least 6 px): the first position with a bin shows the tooltip.
    const tooltip = page.getByRole('tooltip');
    let position = { x: 47, y: 33 };
    for (let step = 0; step < 12; step++) {
      position = { x: 47 + step * 6, y: 33 };
      await grid.hover({ position });
      if (await tooltip.isVisible()) break;
    }
    await expect(tooltip).toBeVisible();
    await expect(tooltip).toContainText('Fill:');
    await expect(tooltip).toContainText('Last movement:');
    const code = (await tooltip.locator('p').first().innerText()).trim();

    await grid.click({ position });
    const drawer = page.getByRole('dialog', { name: `Bin ${code}` });
    await expect(drawer).toBeVisible();
    await expect(drawer.getByRole('heading', { name: /Lots \(\d+\)/ })).toBeVisible();
    await expect(drawer.getByRole('heading', { name: 'Recent movements' })).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/heatmap-drawer.png', fullPage: true });
    await drawer.getByRole('button', { name: 'Close' }).click();
    await expect(drawer).toBeHidden();

    // Live: add stock to a bin in the database; the heatmap's payload shows it within 15 s.
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT lot.lot_id, l.location_code FROM lots lot JOIN inventory_locations l ON l.location_id = lot.location_id
         JOIN tenants t ON t.tenant_id = lot.tenant_id JOIN materials m ON m.material_id = lot.material_id
         WHERE t.code = 'acme-print' AND l.is_active AND l.cubic_feet > 0 AND lot.quantity_on_hand > 0 AND m.length_inches > 0 AND m.width_inches > 0 AND m.height_inches > 0
         ORDER BY l.location_code LIMIT 1`);
      const { lot_id: lotId, location_code: target } = rows[0] as { lot_id: string; location_code: string };
      const fillOf = async () =>
        page.evaluate(async (bin) => {
          const payload = (await (await fetch('/api/heatmap')).json()) as { bins: { code: string[]; fill: number[] } };
          return payload.bins.fill[payload.bins.code.indexOf(bin)];
        }, target);
      const before = await fillOf();
      const updated = page.getByText(/^Updated /);
      const stamp = await updated.innerText();
      await client.query('UPDATE lots SET quantity_on_hand = quantity_on_hand + 5 WHERE lot_id = $1', [lotId]);
      try {
        await expect(updated).not.toHaveText(stamp, { timeout: 15_000 });
        await expect.poll(fillOf, { timeout: 15_000 }).toBeGreaterThan(before ?? 0);
      } finally {
        await client.query('UPDATE lots SET quantity_on_hand = quantity_on_hand - 5 WHERE lot_id = $1', [lotId]);
      }
    } finally {
      await client.end();
    }

    // Filters: one zone and one level leave one panel; a status filter keeps the grid.
    await page.getByRole('combobox', { name: 'Level' }).selectOption('1');
    await page.getByRole('combobox', { name: 'Status' }).selectOption('V');
    await expect(page.getByText(/ of [\d,]+ bins/)).toBeVisible();
    await expect(grid).toBeVisible();
  });
});

test.describe('supervisor heatmap', () => {
  test.use({ storageState: storageStateOf('supervisor') });

  test('supervisors see the heatmap too', async ({ page }) => {
    await page.goto('/heatmap');
    await expect(page.getByRole('img', { name: /Utilization heatmap of \d+ bins/ })).toBeVisible();
  });
});

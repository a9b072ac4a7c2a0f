import { expect, test } from '@playwright/test';
import { seedDemoModel } from '../../lib/server/ml/seed-demo-model';
import { storageStateOf } from '../roles';
import { expectInsideScreen, expectNoSidewaysScroll } from '../screen';

const databaseUrl = process.env.E2E_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/binwise_e2e';

// Demo decisions and three trained models per tenant; a no-op when the demo seed already made them.
test.beforeAll(async () => {
  test.setTimeout(120_000);
  await seedDemoModel(databaseUrl);
});


test.describe('manager ML accuracy', () => {
  test.use({ storageState: storageStateOf('manager') });

  test('a manager sees accuracy beside the baseline, the charts, the confusion matrix and the versions, without ops actions', async ({ page }) => {
    await page.goto('/ml');
    await expect(page.getByRole('heading', { name: 'ML accuracy', level: 1 })).toBeVisible();
    await expect(page.getByText(/Held-out accuracy \(model v\d+\)/)).toBeVisible();
    await expect(page.getByText(/majority baseline \d+\.\d% on the same/)).toBeVisible();
    await expect(page.getByText('Held-out accuracy and AUC per model version')).toBeVisible();
    await expect(page.getByText('Calibration (reliability)')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Confusion matrix' })).toBeVisible();
    await expect(page.getByText('Largest feature weights (active model)')).toBeVisible();
    // Desktop keeps the bar chart; the list is the phone layout only.
    await expect(page.getByRole('list', { name: 'Feature weights' })).toBeHidden();
    await expect(page.getByText('Acceptance rate over time')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Model versions' })).toBeVisible();
    // Desktop keeps the versions table; the stacked list is the phone layout only.
    await expect(page.getByRole('table', { name: 'Model versions' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Model versions' })).toBeHidden();
    await expect(page.getByRole('button', { name: /Roll back to this model/ })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Train a new model' })).toHaveCount(0);
    await page.screenshot({ path: 'test-results/screenshots/manager-ml.png', fullPage: true });
  });

  test('the training job endpoint refuses an unknown job with NOT_FOUND', async ({ request }) => {
    const response = await request.get('/api/ml/jobs/00000000-0000-4000-8000-000000000000');
    expect(response.status()).toBe(404);
  });
});

test.describe('manager ML accuracy on a phone', () => {
  test.use({ storageState: storageStateOf('manager'), viewport: { width: 390, height: 844 } });

  test('on a 390 px phone the ML page is no wider than the screen, lists every feature weight with its full name and shows each model version with its status', async ({ page }) => {
    await page.goto('/ml');
    await expect(page.getByRole('heading', { name: 'ML accuracy', level: 1 })).toBeVisible();
    const weights = page.getByRole('list', { name: 'Feature weights' });
    await expect(weights).toBeVisible();
    expect(await weights.getByRole('listitem').count()).toBeGreaterThan(0);
    // Names are not cut short on a phone: each item starts with the whole feature name.
    for (const item of await weights.getByRole('listitem').all()) expect(await item.textContent()).not.toContain('…');
    await expect(page.getByText('Acceptance rate over time')).toBeVisible();
    // The eleven-column table would hide Status off to the right; the phone gets one item per version.
    await expect(page.getByRole('table', { name: 'Model versions' })).toBeHidden();
    const versions = page.getByRole('list', { name: 'Model versions' });
    await expect(versions).toBeVisible();
    const items = await versions.getByRole('listitem').all();
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      await expect(item.getByRole('heading', { name: /^v\d+ · (active|stored)$/ })).toBeVisible();
      await expectInsideScreen(item);
    }
    await expect(versions.getByRole('heading', { name: /^v\d+ · active$/ })).toHaveCount(1);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: 'test-results/screenshots/manager-ml-phone.png', fullPage: true });
  });
});

test.describe('ops ML accuracy on a phone', () => {
  test.use({ storageState: storageStateOf('ops'), viewport: { width: 390, height: 844 } });

  test('on a 390 px phone ops reach the rollback button and its confirm step without scrolling sideways', async ({ page }) => {
    await page.goto('/ml');
    const versions = page.getByRole('list', { name: 'Model versions' });
    const stored = versions.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /· stored$/ }) }).first();
    const name = (await stored.getByRole('heading').textContent()) ?? '';
    const version = Number(/^v(\d+)/.exec(name)?.[1]);
    const rollbackButton = stored.getByRole('button', { name: `Roll back to this model (v${version})` });
    await expectInsideScreen(rollbackButton);
    // The active version cannot be rolled back to, so its item has no button.
    await expect(versions.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /· active$/ }) }).getByRole('button')).toHaveCount(0);

    await rollbackButton.click();
    await expectInsideScreen(stored.getByRole('button', { name: `Confirm roll back to v${version}` }));
    await expectInsideScreen(stored.getByRole('button', { name: 'Cancel' }));
    await page.screenshot({ path: 'test-results/screenshots/ops-ml-phone-confirm.png', fullPage: true });
    // Cancel leaves the active model alone; the desktop test covers the rollback itself.
    await stored.getByRole('button', { name: 'Cancel' }).click();
    await expect(rollbackButton).toBeVisible();
  });
});

test.describe('ops ML accuracy', () => {
  test.use({ storageState: storageStateOf('ops') });

  test('ops roll back to an older model and forward again, and train a new model with a progress indicator', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('/ml');
    const active = page.getByRole('row').filter({ hasText: 'Active' });
    const activeVersion = Number((await active.getByRole('cell').first().textContent())?.replace('v', ''));
    // Any stored, inactive version will do; the demo seed keeps three.
    const rollbackName = (await page.getByRole('button', { name: /Roll back to this model \(v\d+\)/ }).first().textContent()) ?? '';
    const older = Number(/\(v(\d+)\)/.exec(rollbackName)?.[1]);

    await page.getByRole('button', { name: `Roll back to this model (v${older})` }).click();
    await page.getByRole('button', { name: `Confirm roll back to v${older}` }).click();
    await expect(page.getByRole('status').filter({ hasText: `Model v${older} is now active` })).toBeVisible();
    await expect(page.getByText(`Held-out accuracy (model v${older})`)).toBeVisible();

    await page.getByRole('button', { name: `Roll back to this model (v${activeVersion})` }).click();
    await page.getByRole('button', { name: `Confirm roll back to v${activeVersion}` }).click();
    await expect(page.getByText(`Held-out accuracy (model v${activeVersion})`)).toBeVisible();

    await page.getByRole('button', { name: 'Train a new model' }).click();
    await expect(page.getByRole('progressbar', { name: 'Training progress' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /Model v\d+ trained on \d+ decisions/ })).toBeVisible({ timeout: 90_000 });
    await page.screenshot({ path: 'test-results/screenshots/ops-ml.png', fullPage: true });
  });
});

test.describe('supervisor ML accuracy', () => {
  test.use({ storageState: storageStateOf('supervisor') });

  test('a supervisor is refused the training job endpoint with FORBIDDEN', async ({ request }) => {
    const response = await request.get('/api/ml/jobs/00000000-0000-4000-8000-000000000000');
    expect(response.status()).toBe(403);
  });
});

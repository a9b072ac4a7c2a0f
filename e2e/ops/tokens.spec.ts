import { expect, test } from '@playwright/test';
import { storageStateOf } from '../roles';

test.use({ storageState: storageStateOf('ops') });

test('ops create an API token that is shown once, then revoke it', async ({ page }) => {
  const name = `receiving ${Date.now()}`;
  await page.goto('/tokens');
  await expect(page.getByRole('heading', { name: 'API tokens' })).toBeVisible();
  await page.getByLabel('Token name').fill(name);
  await page.getByLabel('Token role').selectOption('SUPERVISOR');
  await page.getByRole('button', { name: 'Create token' }).click();
  const secret = page.getByLabel('New token');
  await expect(secret).toHaveText(/^bw_[A-Za-z0-9_-]{40,}$/);
  await expect(page.getByRole('row').filter({ hasText: name })).toContainText('active');
  await page.screenshot({ path: 'test-results/screenshots/tokens-created.png', fullPage: true });

  await page.getByRole('button', { name: 'I saved it' }).click();
  await expect(secret).toHaveCount(0);
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: `Revoke ${name}` }).click();
  await expect(page.getByRole('row').filter({ hasText: name })).toContainText('revoked');
  await expect(page.getByRole('option', { name: 'ADMIN' })).toHaveCount(0);
});

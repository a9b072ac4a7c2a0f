import { expect, test as setup } from '@playwright/test';
import { ACCOUNTS, PASSWORD, storageStateOf, type AccountName } from './roles';

for (const name of Object.keys(ACCOUNTS) as AccountName[]) {
  setup(`${name} signs in and keeps the session`, async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill(ACCOUNTS[name]);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
    await page.context().storageState({ path: storageStateOf(name) });
  });
}

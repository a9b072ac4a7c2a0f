import { expect, type Locator, type Page } from '@playwright/test';

// Phone-layout checks shared by the role specs (ops flags, manager ML, supervisor putaway at 390 px).

/** Visible and within the viewport's width, so reading or tapping it needs no sideways scroll. */
export async function expectInsideScreen(locator: Locator) {
  await expect(locator).toBeVisible();
  const box = await locator.boundingBox();
  const screenWidth = locator.page().viewportSize()?.width ?? 0;
  expect(box).not.toBeNull();
  expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
  expect((box?.x ?? 0) + (box?.width ?? Infinity)).toBeLessThanOrEqual(screenWidth);
}

/** The page is no wider than the window: nothing on it needs a sideways scroll. */
export async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

/**
 * The composer's live parse preview in real Chromium against a real server: typing shows how the local engine
 * reads the prompt (chips, struck-through ignored words), a prompt it cannot read is flagged with suggestions
 * before anything is generated (Generate sends nothing until the user decides), and a suggestion fixes the prompt.
 */
import { expect, test } from '@playwright/test';
import { jobFromApi, newestJob } from './support/studio.ts';

test('parse preview: chips while typing, warning and suggestions before generating, a click fixes the prompt', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  const input = page.getByTestId('prompt-input');
  const chips = page.getByTestId('parse-chip');

  // Typed, not filled: the preview follows keystrokes (debounced).
  await input.click();
  await input.pressSequentially('a person picks up a box and carries it, then waves', { delay: 5 });
  await expect(chips).toHaveCount(3);
  expect(await chips.evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))).toEqual(['pickUp', 'carry', 'wave']);
  await expect(chips.first()).toContainText('box');
  await expect(page.getByTestId('parse-warning')).toHaveCount(0);

  // The misreads, read right: the noun "punch" is what is blocked, "stomach" where the hit lands.
  await input.fill('blocks a punch then gets hit in the stomach');
  await expect(chips).toHaveCount(2);
  expect(await chips.evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))).toEqual(['block', 'hitStomach']);

  // Ignored words are shown struck through.
  await input.fill('the man walks towards the banana');
  await expect(page.getByTestId('parse-ignored').filter({ hasText: 'banana' })).toBeVisible();
  await expect(page.getByTestId('parse-ignored').first()).toHaveCSS('text-decoration-line', 'line-through');

  // Part understood: the unread clause is named before generating.
  await input.fill('walk forward then levitate');
  await expect(page.getByTestId('parse-preview')).toHaveAttribute('data-understanding', 'part');
  await expect(page.getByTestId('parse-warning')).toContainText('levitate');

  // Nothing understood: warning, suggestions, SayMotion offered (configured on this test server), and Generate sends nothing.
  const before = ((await (await page.request.get('/api/jobs?limit=200')).json()) as { items: unknown[] }).items.length;
  await input.fill('she does a cartweel');
  await expect(page.getByTestId('parse-preview')).toHaveAttribute('data-understanding', 'nothing');
  const warning = page.getByTestId('parse-warning');
  await expect(warning).toContainText('understands no action');
  await expect(page.getByTestId('parse-use-saymotion')).toBeVisible();
  const suggestion = page.getByTestId('parse-suggestion').first();
  await expect(suggestion).toHaveAttribute('data-action', 'cartwheel');
  await page.getByTestId('generate-button').click();
  await expect(page.getByTestId('field-error').or(page.locator('#prompt-error'))).toContainText('standing-idle');
  const after = ((await (await page.request.get('/api/jobs?limit=200')).json()) as { items: unknown[] }).items.length;
  expect(after).toBe(before);
  await page.screenshot({ path: '.tmp/parse-preview-warning.png', clip: { x: 0, y: 0, width: 520, height: 520 } });

  // A click on the suggestion fixes the prompt: the engine now reads a cartwheel and the warning goes.
  await suggestion.click();
  await expect(input).toHaveValue('she does a cartwheel');
  await expect(page.getByTestId('field-error')).toHaveCount(0);
  await expect(chips).toHaveCount(1);
  await expect(chips.first()).toHaveAttribute('data-action', 'cartwheel');
  await expect(page.getByTestId('parse-warning')).toHaveCount(0);
  await page.screenshot({ path: '.tmp/parse-preview-fixed.png', clip: { x: 0, y: 0, width: 520, height: 520 } });

  // Part understood still generates; the job's report names the planned steps and the clause left out.
  await input.fill('walk forward then wave and levitate');
  await expect(page.getByTestId('parse-preview')).toHaveAttribute('data-understanding', 'part');
  await page.getByTestId('duration-input').fill('3');
  await page.getByTestId('generate-button').click();
  const id = await newestJob(page, 'text2motion', null);
  const job = await jobFromApi(page, id);
  expect(job.report?.steps?.map((s) => s.action)).toEqual(['walk', 'wave']);
  await expect(page.getByTestId('report-not-understood')).toContainText('levitate');
  await expect(page.getByTestId('report-understood')).toHaveCount(2);
  await page.getByTestId('prompt-report').screenshot({ path: '.tmp/parse-preview-report.png' });

  // Idle takes only on an explicit choice: ticking the box lets Generate send the job, marked as accepting them.
  await input.fill('xyzzy plugh');
  await expect(page.getByTestId('parse-preview')).toHaveAttribute('data-understanding', 'nothing');
  await page.getByTestId('accept-idle').check();
  await page.getByTestId('generate-button').click();
  const idleId = await newestJob(page, 'text2motion', id);
  expect((await jobFromApi(page, idleId)).request).toMatchObject({ prompt: 'xyzzy plugh', acceptIdleTake: true });
  expect(errors).toEqual([]);
});

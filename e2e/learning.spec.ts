import type { Page } from '@playwright/test';
import { courses, gameCards } from '../app/modules/learning/content';
import { expect, expectAccessible, test } from './support/fixtures';

// A seller learns to sell safely: a lesson, a quiz passed after one failed try,
// five rounds of spot-the-scam with JavaScript off, the whole core course, and
// the Safe Seller badge on her storefront.

const core = courses.find((c) => c.isCore)!;

/** Ticks the right answers of a module's quiz (from the shipped content) and submits. */
async function answerQuiz(page: Page, moduleIndex: number) {
  for (const question of core.modules[moduleIndex].quiz) {
    const fieldset = page.locator('fieldset', { has: page.locator('legend', { hasText: question.prompt.vi }) });
    for (const choice of question.choices.filter((c) => c.correct)) {
      await fieldset.getByLabel(choice.text.vi, { exact: true }).check();
    }
  }
  await page.getByRole('button', { name: 'Nộp bài' }).click();
}

test('a seller takes the core course, retries a quiz, plays spot-the-scam without JavaScript and earns the badge', async ({
  page,
  browser,
  context,
  visit,
  login,
}) => {
  test.setTimeout(180_000);
  await login('seller@sen.test');
  // Her storefront comes with the demo data.
  const slug = 'det-tho-cam-hoa';

  // The catalogue and the core course.
  await visit('/learn');
  await page.getByRole('link', { name: core.title.vi }).click();
  await expect(page.getByRole('heading', { level: 1, name: core.title.vi })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Bắt đầu học' }).click();

  // First lesson: read it, mark it done; the next one opens.
  const [first, second, third] = core.modules[0].lessons;
  await expect(page.getByRole('heading', { level: 1, name: first.title.vi })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Tôi đã đọc xong — bài tiếp theo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: second.title.vi })).toBeVisible();

  // She leaves and comes back: the course page resumes at the lesson she was on.
  await visit(`/learn/${core.slug}`);
  await page.getByRole('link', { name: 'Học tiếp' }).click();
  await expect(page.getByRole('heading', { level: 1, name: second.title.vi })).toBeVisible();
  await page.getByRole('button', { name: 'Tôi đã đọc xong — bài tiếp theo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: third.title.vi })).toBeVisible();
  await page.getByRole('button', { name: 'Tôi đã đọc xong — bài tiếp theo' }).click();

  // The module's quiz: first try with nothing ticked fails, the explanations show, the retry passes.
  await expect(page.getByRole('heading', { level: 1, name: `Kiểm tra: ${core.modules[0].title.vi}` })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Nộp bài' }).click();
  await expect(page.getByRole('heading', { name: 'Chưa đạt — xem giải thích rồi thử lại nhé' })).toBeVisible();
  await expect(page.getByText(core.modules[0].quiz[0].choices[0].why.vi)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Làm lại' }).click();
  await answerQuiz(page, 0);
  await expect(page.getByRole('heading', { name: 'Chị đã đạt!' })).toBeVisible();
  await expect(page.getByText('Điểm cao nhất: 100%')).toBeVisible();

  // Spot the scam, five rounds, with JavaScript off: one form post per answer.
  const noJs = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await context.storageState(),
    viewport: { width: 360, height: 780 },
    locale: 'vi-VN',
  });
  const game = await noJs.newPage();
  await game.goto('/learn/game');
  await expectAccessible(game);
  for (let round = 1; round <= 5; round++) {
    await game.getByRole('button', { name: round % 2 ? 'Lừa đảo / không an toàn' : 'An toàn', exact: true }).click();
    await expect(game.getByText('Dấu hiệu:')).toBeVisible();
    await expect(game.getByText(`Số lượt: ${round}`)).toBeVisible();
    if (round === 1) await expectAccessible(game);
    await game.getByRole('link', { name: 'Thẻ tiếp theo' }).click();
  }
  await expect(game.getByText('Số lượt: 5')).toBeVisible();
  await noJs.close();

  // The rest of the core course: every lesson, then every quiz.
  for (const [m, module] of core.modules.entries()) {
    for (const lesson of module.lessons) {
      await page.goto(`/learn/${core.slug}/${lesson.slug}`);
      const button = page.getByRole('button', { name: 'Tôi đã đọc xong — bài tiếp theo' });
      if (await button.count()) await button.click();
      await page.waitForLoadState();
    }
    if (m === 0) continue;
    await page.goto(`/learn/${core.slug}`);
    await page.getByRole('link', { name: `Kiểm tra: ${module.title.vi}` }).click();
    await answerQuiz(page, m);
  }

  // The last quiz finished the course: her certificate, publicly verifiable.
  await expect(page).toHaveURL(/\/certificates\/[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/);
  await expect(page.getByText('Chúc mừng chị đã hoàn thành khoá học!')).toBeVisible();
  await expect(page.locator('#main').getByText('Lò Thị Hoa')).toBeVisible();
  await expectAccessible(page);
  const certificateUrl = page.url().split('?')[0];
  const anonymous = await browser.newContext();
  const publicPage = await anonymous.newPage();
  await publicPage.goto(certificateUrl);
  await expect(publicPage.getByText(core.title.vi)).toBeVisible();
  await expect(publicPage.locator('#main').getByText('Lò Thị Hoa')).toBeVisible();
  await anonymous.close();

  // Her progress page and her storefront show the badge; buyers can open what it means.
  await visit('/learn/progress');
  await expect(page.getByText('Chị đang có huy hiệu Người bán an toàn.')).toBeVisible();
  await visit(`/s/${slug}`);
  await page.getByRole('link', { name: 'Người bán an toàn' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Huy hiệu Người bán an toàn nghĩa là gì?' })).toBeVisible();
  await expectAccessible(page);
});

test('staff edit a lesson with a server-rendered preview and see the course figures', async ({
  page,
  visit,
  login,
}) => {
  await login('staff@sen.test');
  await visit('/staff/learning');
  await expect(page.getByRole('cell', { name: /Bán hàng an toàn trên mạng/ })).toBeVisible();
  await visit('/staff/learning/bao-ve-thong-tin/strong-passwords');
  await page.getByLabel('Nội dung Markdown (tiếng Việt)').fill('## Xem trước\n\n<script>alert(1)</script>');
  await page.getByRole('button', { name: 'Xem trước' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Xem trước', exact: true })).toBeVisible();
  await expect(page.getByText('<script>alert(1)</script>').first()).toBeVisible();
  await expectAccessible(page);
  await visit('/staff/learning/ban-hang-an-toan');
  await page.locator('details > summary').first().click();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Bài kiểm tra (3 câu)' }).first().click();
  await expect(page.getByRole('heading', { level: 2, name: 'Thêm câu hỏi' })).toBeVisible();
  await expectAccessible(page);
  await visit('/staff/learning/game');
  await expect(page.getByText(`${gameCards.length} thẻ, trong đó`)).toBeVisible();
});

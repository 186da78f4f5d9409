import { expect, type Page } from '@playwright/test';

export type RiskLevel = 'low' | 'inconclusive' | 'high';

export interface Verdict {
  risk: RiskLevel;
  probability: number;
  /** Whether the quality/domain guard turned the photo down (its advice is shown with the result). */
  guardRejected: boolean;
}

/**
 * The guard's advice on the result screen. No data-testid exists for it yet, so its heading is the hook; a
 * wide inconclusive band makes "inconclusive" alone no proof that the guard acted.
 */
const guardAdviceHeading = /why it could not be assessed/i;

/** Loading the model (fetch + warm-up) takes a few seconds; much longer on a machine busy with other work. */
const modelLoadTimeout = 60_000;

/**
 * The app as a person drives it, through the stable hooks of issue 3 (data-testid) and accessible names.
 * Specs talk to this, so a redesign changes one file.
 */
export class NaevusApp {
  constructor(readonly page: Page) {}

  /** Open the home screen (optionally with a query, e.g. `?backend=cpu`) and wait for the warmed-up model. */
  async open(query = ''): Promise<void> {
    await this.page.goto(`/${query}`);
    await this.waitForModel();
  }

  /** Fails at once, with the app's own words, if the model reports an error instead of loading. */
  async waitForModel(): Promise<void> {
    const status = this.page.getByTestId('model-status');
    await expect(status).toHaveAttribute('data-state', /^(ready|error)$/, { timeout: modelLoadTimeout });
    if ((await status.getAttribute('data-state')) === 'error') {
      throw new Error(`the model failed to load: ${await status.innerText()}`);
    }
  }

  /** Wait until the service worker has cached the app and the model ("works offline" is shown). */
  async waitForOfflineReady(): Promise<void> {
    await expect(this.page.getByTestId('offline-ready')).toBeAttached({ timeout: modelLoadTimeout });
  }

  /** A returning person: the first visit installs the service worker, the reload runs under it. */
  async openAsReturningVisitor(url: string): Promise<void> {
    await this.page.goto(url);
    await this.waitForModel();
    await this.waitForOfflineReady();
    await this.page.reload();
    await this.waitForModel();
  }

  /** Pick a photo through the home screen's file input (the "Choose a photo" path). */
  async choose(filePath: string): Promise<void> {
    await this.home();
    await this.page.getByTestId('file-input').setInputFiles(filePath);
  }

  /** On the frame step: start the analysis and wait for the verdict. */
  async analyse(): Promise<Verdict> {
    await this.page.getByTestId('analyse').click();
    return this.verdict();
  }

  /** Choose a photo, keep the default framing (the centre square), analyse. */
  async analyseFile(filePath: string): Promise<Verdict> {
    await this.choose(filePath);
    return this.analyse();
  }

  async verdict(): Promise<Verdict> {
    const risk = this.page.getByTestId('risk-level');
    await expect(risk).toBeVisible({ timeout: modelLoadTimeout });
    const level = await risk.getAttribute('data-risk');
    expect(['low', 'inconclusive', 'high']).toContain(level);
    const probability = Number(await this.page.getByTestId('probability').getAttribute('data-value'));
    expect(probability).toBeGreaterThanOrEqual(0);
    expect(probability).toBeLessThanOrEqual(1);
    const guardRejected = await this.page.getByRole('heading', { name: guardAdviceHeading }).isVisible();
    return { risk: level as RiskLevel, probability, guardRejected };
  }

  /**
   * Give the app a file it cannot analyse and return its message. Whether it objects on choosing or on
   * "Analyse" is the app's choice; either way no verdict may appear.
   */
  async chooseUnreadable(filePath: string): Promise<string> {
    await this.choose(filePath);
    const error = this.page.getByTestId('error-message');
    const analyse = this.page.getByTestId('analyse');
    await expect(error.or(analyse).first()).toBeVisible();
    if (!(await error.isVisible())) await analyse.click();
    const message = await this.expectError();
    await expect(this.page.getByTestId('risk-level')).toHaveCount(0);
    return message;
  }

  /** The error shown for a file that cannot be analysed. */
  async expectError(): Promise<string> {
    const message = this.page.getByTestId('error-message');
    await expect(message).toBeVisible();
    const text = (await message.innerText()).trim();
    expect(text.length).toBeGreaterThan(0);
    return text;
  }

  /**
   * Back to the home screen within the page (no reload), so the worker and its model stay the same: the
   * result screen's "Check another photo", else the screen header's "Back" until home shows.
   */
  async home(): Promise<void> {
    const input = this.page.getByTestId('file-input');
    for (let step = 0; step < 4 && (await input.count()) === 0; step++) {
      const another = this.page.getByRole('button', { name: /check another/i });
      const button =
        (await another.count()) > 0 ? another : this.page.getByRole('button', { name: /^back$/i });
      await button.first().click();
    }
    await expect(input).toBeAttached();
  }

  /** Tensors alive in the analysis worker (window.__naevus.memory()). */
  async tensorCount(): Promise<number> {
    return this.page.evaluate(async () => {
      const hooks = (window as unknown as { __naevus?: { memory(): Promise<number> } }).__naevus;
      if (!hooks) throw new Error('window.__naevus is missing');
      return hooks.memory();
    });
  }
}

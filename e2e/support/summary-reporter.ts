import type { FullResult, Reporter, TestCase } from '@playwright/test/reporter';

/**
 * Prints one closing line, "playwright: N passed, N failed, N skipped", after the list reporter's summary, so
 * a log reader (CI) sees the outcome in a fixed form. A test counts once, by its outcome over retries.
 */
export default class SummaryReporter implements Reporter {
  private readonly tests = new Map<string, TestCase>();

  onTestEnd(test: TestCase): void {
    this.tests.set(test.id, test);
  }

  onEnd(result: FullResult): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const skipReasons = new Set<string>();
    for (const test of this.tests.values()) {
      const outcome = test.outcome();
      if (outcome === 'skipped') {
        skipped += 1;
        const reasons = test.annotations.filter((a) => a.type === 'skip' || a.type === 'fixme');
        for (const { type, description } of reasons) skipReasons.add(`${type}: ${description ?? test.title}`);
      } else if (outcome === 'unexpected') failed += 1;
      else passed += 1;
    }
    // The list reporter shows which tests were skipped but not why; say it once per reason.
    for (const reason of skipReasons) process.stdout.write(`  ${reason}\n`);
    // A run that broke before any test (global setup, web server) must not read as green.
    if (result.status !== 'passed' && failed === 0) failed = 1;
    process.stdout.write(`\nplaywright: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }

  printsToStdio(): boolean {
    return false;
  }
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

/**
 * Hand the page a file the way a desktop does without the file dialog: dropped on the window, or pasted from
 * the clipboard. The bytes travel as base64 and become a File inside the page.
 */
export async function dispatchFile(
  page: Page,
  how: 'drop' | 'paste',
  filePath: string,
  type: string,
): Promise<void> {
  const file = { name: path.basename(filePath), type, base64: readFileSync(filePath).toString('base64') };
  await page.evaluate(
    ({ how, file }) => {
      const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], file.name, { type: file.type }));
      if (how === 'paste') {
        document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true }));
        return;
      }
      for (const name of ['dragenter', 'dragover', 'drop']) {
        document.body.dispatchEvent(
          new DragEvent(name, { dataTransfer: transfer, bubbles: true, cancelable: true }),
        );
      }
    },
    { how, file },
  );
}

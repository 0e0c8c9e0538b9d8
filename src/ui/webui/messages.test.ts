import { describe, expect, it } from 'vitest';
import { messages } from '../i18n';
import { webuiMessages } from './messages';

describe('the web UI button', () => {
  it('its first-frame stand-in (App) says what the real button says, so nothing moves when it arrives', () => {
    for (const lang of ['en', 'es'] as const) expect(messages(lang).webuiOpen).toBe(webuiMessages(lang).open);
  });
});

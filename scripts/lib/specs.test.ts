import { describe, expect, it } from 'vitest';
import { hasSpecFiles } from './specs.mjs';
import { tempFiles } from './testing-files';

describe('hasSpecFiles', () => {
  it('finds spec and test files at any depth, and nothing in a folder of fixtures only', () => {
    expect(hasSpecFiles(tempFiles({ 'fixtures.ts': '', 'pages/terminal.ts': '' }))).toBe(false);
    expect(hasSpecFiles(tempFiles({ 'fixtures.ts': '', 'lessons/01.spec.ts': '' }))).toBe(true);
    expect(hasSpecFiles(tempFiles({ 'a.test.mjs': '' }))).toBe(true);
    expect(hasSpecFiles('/no/such/folder')).toBe(false);
  });
});

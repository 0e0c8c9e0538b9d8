import { describe, expect, test } from 'vitest';
import { commandAnnouncement, plainLines, type AnnouncementWords } from './commandAnnouncement';

const words: AnnouncementWords = {
  moreLines: (n) => `and ${n} more lines`,
  exitStatus: (code) => `exit status ${code}`,
};

describe('commandAnnouncement', () => {
  test('a short output is said as printed, one line each', () => {
    expect(commandAnnouncement({ output: 'node1\n', exitCode: 0 }, words)).toBe('node1');
    expect(commandAnnouncement({ output: 'NAME    STATUS     ROLES\nnode1   NotReady   control-plane\n', exitCode: 0 }, words))
      .toBe('NAME  STATUS  ROLES\nnode1  NotReady  control-plane');
  });

  test('a failure: the error, then the exit status', () => {
    expect(commandAnnouncement({ output: 'bash: kubectll: command not found\n', exitCode: 127 }, words))
      .toBe('bash: kubectll: command not found\nexit status 127');
    expect(commandAnnouncement({ output: '', exitCode: 1 }, words)).toBe('exit status 1');
  });

  test('nothing printed and success: nothing to say', () => {
    expect(commandAnnouncement({ output: '', exitCode: 0 }, words)).toBe('');
    expect(commandAnnouncement({ output: '\r\n\n', exitCode: 0 }, words)).toBe('');
  });

  test('a long listing: the first lines, how many more, then the last line', () => {
    const output = Array.from({ length: 100 }, (_, i) => `pod-${i}   1/1   Running`).join('\n');
    const said = commandAnnouncement({ output, exitCode: 0 }, words);
    expect(said.split('\n')).toHaveLength(11);
    expect(said).toMatch(/^pod-0 {2}1\/1 {2}Running\n/);
    expect(said).toMatch(/\npod-8 {2}1\/1 {2}Running\nand 90 more lines\npod-99 {2}1\/1 {2}Running$/);
  });

  test('long lines before an error: the error, last, is still said whole', () => {
    const noise = Array.from({ length: 5 }, (_, i) => `E1128 memcache.go:265] couldn't get current server API group list (${i}) ${'.'.repeat(150)}`);
    const output = [...noise, 'The connection to the server localhost:8080 was refused - did you specify the right host or port?'].join('\n');
    const said = commandAnnouncement({ output, exitCode: 1 }, words);
    expect(said).toMatch(/^E1128 memcache/);
    expect(said).toMatch(/\nand \d more lines\nThe connection to the server localhost:8080 was refused - did you specify the right host or port\?\nexit status 1$/);
    expect(said.length).toBeLessThan(700);
  });

  test('a very long line is cut with an ellipsis, within the character limit', () => {
    const said = commandAnnouncement({ output: `${'x'.repeat(2_000)}\nsecond\n`, exitCode: 0 }, words, { lines: 10, chars: 60 });
    expect(said).toBe(`${'x'.repeat(54)}…\nsecond`);
  });

  test('escape sequences (colours, titles, links) and control characters are not read out', () => {
    expect(plainLines('\x1b[1;32mready\x1b[0m\x1b]0;title\x07 \x1b]8;;https://example.com\x1b\\link\x1b]8;;\x1b\\\x07\n')).toEqual(['ready link']);
    expect(plainLines('progress 10%\rprogress 100%\n')).toEqual(['progress 10%', 'progress 100%']);
  });
});

import { describe, expect, test } from 'vitest';
import { KeyDecoder, keysInput, type Key } from './keys';

const decode = (data: string): Key[] => new KeyDecoder().decode(data);
const names = (data: string) => decode(data).map((k) => (k.kind === 'key' ? k.name : `${k.kind}:${k.kind === 'unknown' ? k.seq : k.text}`));

describe('key decoding (what xterm sends from onData)', () => {
  test('printable text arrives as one text key; control bytes as named keys', () => {
    expect(decode('kubectl get pods')).toEqual([{ kind: 'text', text: 'kubectl get pods' }]);
    expect(names('ls\r')).toEqual(['text:ls', 'enter']);
    expect(names('\x7f\x08\t')).toEqual(['backspace', 'backspace', 'tab']);
    expect(names('\x01\x05\x02\x06\x0b\x15\x17\x0c\x03\x04\x12\x19\x14')).toEqual([
      'ctrl-a', 'ctrl-e', 'ctrl-b', 'ctrl-f', 'ctrl-k', 'ctrl-u', 'ctrl-w', 'ctrl-l', 'ctrl-c', 'ctrl-d', 'ctrl-r', 'ctrl-y', 'ctrl-t',
    ]);
  });

  test('"\\r\\n" from programmatic input is one Enter; "\\n" alone is Enter (Ctrl+J)', () => {
    expect(names('ls\r\npwd\n')).toEqual(['text:ls', 'enter', 'text:pwd', 'enter']);
  });

  test('cursor keys in normal and application mode, Home/End in both encodings, Delete', () => {
    expect(names('\x1b[A\x1b[B\x1b[C\x1b[D')).toEqual(['up', 'down', 'right', 'left']);
    expect(names('\x1bOA\x1bOD')).toEqual(['up', 'left']);
    expect(names('\x1b[H\x1b[F\x1bOH\x1bOF\x1b[1~\x1b[4~\x1b[7~\x1b[8~')).toEqual(['home', 'end', 'home', 'end', 'home', 'end', 'home', 'end']);
    expect(names('\x1b[3~\x1b[2~\x1b[5~\x1b[6~')).toEqual(['delete', 'insert', 'page-up', 'page-down']);
  });

  test('Alt+B/F/D, Alt+Backspace, Ctrl+arrows move and kill by word', () => {
    expect(names('\x1bb\x1bf\x1bd\x1b\x7f\x1b.')).toEqual(['word-left', 'word-right', 'kill-word', 'kill-word-back', 'yank-last-arg']);
    expect(names('\x1b[1;5D\x1b[1;5C\x1b[1;3D\x1b[1;2A\x1b[3;5~')).toEqual(['word-left', 'word-right', 'word-left', 'up', 'kill-word']);
  });

  test('a lone ESC is the Escape key; unknown sequences are never inserted as text', () => {
    expect(names('\x1b')).toEqual(['escape']);
    expect(names('\x1b[15~\x1bOP\x1b[I')).toEqual(['unknown:\x1b[15~', 'unknown:\x1bOP', 'unknown:\x1b[I']);
    expect(names('\x1bz')).toEqual(['unknown:\x1bz']);
  });

  test('bracketed paste: every byte is literal text, ESC included; line ends become Enter', () => {
    expect(names('\x1b[200~echo \x1b[A hi\x03\x1b[201~')).toEqual(['paste:echo \x1b[A hi\x03']);
    expect(names('\x1b[200~one\r\ntwo\nthree\x1b[201~')).toEqual(['paste:one', 'enter', 'paste:two', 'enter', 'paste:three']);
    expect(names('\x1b[200~a\tb\x1b[201~\r')).toEqual(['paste:a\tb', 'enter']);
  });

  test('a paste split across chunks, even inside its end marker, is reassembled', () => {
    const decoder = new KeyDecoder();
    const keys = [
      ...decoder.decode('x\x1b[200~first li'),
      ...decoder.decode('ne\nsecond\x1b[2'),
      ...decoder.decode('01~\x1b[D'),
    ];
    expect(keys).toEqual([
      { kind: 'text', text: 'x' },
      { kind: 'paste', text: 'first li' },
      { kind: 'paste', text: 'ne' },
      { kind: 'key', name: 'enter' },
      { kind: 'paste', text: 'second' },
      { kind: 'key', name: 'left' },
    ]);
  });

  test('non-BMP and wide characters stay whole', () => {
    expect(decode('héllo 日本 🐳')).toEqual([{ kind: 'text', text: 'héllo 日本 🐳' }]);
  });
});

describe('keysInput', () => {
  test('gives the input that decodes back to the same keys, a paste keeping its brackets', () => {
    const keys = new KeyDecoder().decode('a\t\x1b[200~two\nlines\x1b[201~\x1b[A\x03');
    expect(new KeyDecoder().decode(keysInput(keys))).toEqual(keys);
  });
});

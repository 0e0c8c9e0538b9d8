/**
 * A learner's session end to end, as a reviewed golden file: the screen (as the view's
 * screenText() reads it) and the journal. UPDATE_GOLDEN=1 rewrites it; review the diff.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, test } from 'vitest';
import { preloadCommands } from '../session/preload';
import type { Command } from '../types';
import { terminalHarness } from './testing/harness';

// Completion and some builtins (read) load lazily in the page; tests load them up front.
beforeAll(() => preloadCommands());

const kubectl: Command = {
  name: 'kubectl',
  summary: 'kubectl controls the Kubernetes cluster manager',
  run: () => 0,
  complete: (req) => (req.words.length === 1 ? ['apply', 'delete', 'describe', 'get', 'logs'] : ['deployments', 'nodes', 'pods']),
};
const named = (name: string): Command => ({ name, summary: name, run: () => 0 });

test('golden: a session with completion, cooked input, ^C, a paste, Ctrl+R and logout', () => {
  const t = terminalHarness({ columns: 60, banner: 'Welcome to node1\n', commands: [kubectl, named('kubeadm'), named('kubelet')] });
  t.type('echo hello\r');
  t.type('ku\t\t');
  t.type('ctl d\t\t');
  t.type('\x15echo kubectl apply -n kube-system -f "https://cloud.weave.works/k8s/net"');
  t.type('\x1b[D'.repeat(20));
  t.type('x');
  t.type('\r');
  t.type('ask\r');
  t.advance(2000);
  t.type('y\r');
  t.type('sleep 60\r');
  t.advance(3000);
  t.type('\x03');
  t.type('\x1b[200~sleep 1\necho pasted one\necho pasted two\n\x1b[201~');
  t.advance(1000);
  t.type('\x12hello\r');
  t.type('kubectl get po\x03');
  t.type('\x04');

  const journal = t.journal.map((e) => JSON.stringify(e)).join('\n');
  const text = `${t.screenText()}\n--- journal\n${journal}\n`;
  expect(t.transcript()).toBe(t.screenText());

  const path = fileURLToPath(new URL('./session.golden.txt', import.meta.url));
  if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(path)) writeFileSync(path, text);
  expect(text).toBe(readFileSync(path, 'utf8'));
});

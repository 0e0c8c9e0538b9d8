/**
 * Generated command lines for robustness fuzzing (issue 5, R2/R3): the commands a learner types in
 * the lessons (kubectl, kubeadm, docker, docker-compose, git, coreutils, vi and nano) with their
 * real flags, glued with shell syntax (quotes, $(...), pipes, redirections, here-documents), plus
 * garbage, huge words, unicode and escape sequences. Pure fast-check arbitraries: the unit fuzz,
 * `npm run fuzz` and the e2e spec that types lines into the page all draw from here.
 *
 * Test code only (tsconfig.node.json), never imported by the app.
 */
import fc from 'fast-check';

const HEADS = [
  'kubectl', 'kubectl', 'kubectl', 'kubeadm', 'docker', 'docker-compose', 'git', 'vi', 'vim', 'nano',
  'echo', 'ls', 'cat', 'grep', 'tr', 'cut', 'sort', 'uniq', 'wc', 'base64', 'head', 'tail', 'cd', 'export', 'read', 'sleep', 'seq',
  'printf', 'test', '[', 'mkdir', 'rm', 'cp', 'mv', 'ln', 'chmod', 'touch', 'stat', 'date', 'hostname', 'id', 'uname', 'sudo', 'env',
  'which', 'type', 'alias', 'history', 'set', 'eval', 'source', 'true', 'false', 'kubctl', 'yes', 'tee', 'du', 'df', 'free', 'less',
  'tac', 'curl', 'ping', 'nslookup', 'wget', 'watch', 'ssh', 'systemctl', 'journalctl', 'ip', 'apt-get', 'clear', 'for', 'while', 'if',
  'exec', 'time', 'xargs', 'sed', 'awk', 'jq', 'exit',
];

const KUBECTL = [
  'get', 'describe', 'create', 'delete', 'apply', 'scale', 'run', 'expose', 'logs', 'exec', 'edit', 'rollout', 'status', 'undo',
  'restart', 'history', 'label', 'annotate', 'explain', 'config', 'view', 'version', 'cluster-info', 'top', 'wait', 'port-forward',
  'proxy', 'cp', 'set', 'image', 'patch', 'diff', 'api-resources', 'cordon', 'uncordon', 'drain', 'taint', 'attach', 'completion',
  'pods', 'po', 'pod', 'deploy', 'deployment', 'deployments', 'svc', 'service', 'nodes', 'node', 'ns', 'namespace', 'rs', 'ds', 'all',
  'cm', 'secrets', 'secret', 'generic', 'events', 'endpoints', 'ep', 'sa', 'node1', 'node2', 'web', 'nginx', 'rng', 'hasher', 'worker',
  'redis', 'webui', 'deployment/web', 'pod/web', 'svc/web', 'kube-system', 'weave-net', 'coredns', 'kube-proxy',
];

const FLAGS = [
  '-A', '-n', 'kube-system', '-o', 'yaml', 'json', 'wide', 'name', '-o=jsonpath={.items[*].metadata.name}', "-o=jsonpath='{.spec}'",
  '-ojson', '--image=nginx', '--image', 'nginx:1.25', '--replicas=3', '--replicas=0', '--replicas=-1', '-l', 'app=web', '--selector=app',
  '-w', '--watch', '-f', '-', 'x.yaml', 'https://k8smastery.com/dockercoins.yaml', '--dry-run=client', '-it', '-i', '-t', '--rm', '--',
  '--help', '-h', '--all', '--force', '--grace-period=0', '--now', '--port=80', '--port', '8080:80', '--type=NodePort', '--target-port=80',
  '--sort-by=.metadata.name', '--show-labels', '--tail=5', '--follow', '-c', 'weave', '--previous', '--restart=Never', '--wait=false',
  '--overwrite', '--record', '-p', '{"spec":{"replicas":2}}', '--to-revision=1', '--timeout=1s', '--for=condition=Ready',
  'init', 'join', 'reset', 'token', 'list', 'images', 'pull', '--apiserver-advertise-address', '$(hostname -i)', '10.0.0.1:6443',
  '--token', 'abcdef.0123456789abcdef', '--discovery-token-ca-cert-hash', 'sha256:00', '--print-join-command', '--pod-network-cidr=10.32.0.0/12',
  'ps', '-a', '-q', '-d', '--name', 'web', 'alpine', 'redis', 'busybox', 'sh', 'build', '.', '-t', 'tag', 'logs', 'stop', 'inspect',
  'network', 'ls', 'volume', 'info', 'swarm', 'up', 'down', 'scale', 'worker=3', 'rng=2', 'clone', 'https://github.com/jpetazzo/container.training',
  'status', 'log', '--oneline', 'checkout', 'container.training/dockercoins', 'docker-compose.yml', '/etc/kubernetes/admin.conf',
  '~/.kube/config', '/etc/hosts', '/nosuch', '/tmp', '..', '~', '-l', '-la', '-v', '-rf', '-p', '-1', '-n', '3', 'x', 'f', 'a-z', 'A-Z',
  '%s', '%d', '+%F', 'i', 'in', 'do', 'done', 'then', 'else', 'fi', 'EOF', ':q!', ':wq', 'A=1', 'KUBECONFIG=/etc/kubernetes/admin.conf',
];

const SYNTAX = [
  '|', '||', '&&', ';', '&', '(', ')', '>', '>>', '<', '2>&1', '<<', '<<<', '"', "'", '`', '$', '$(', '${', '}', '$?', '$((', '))', '*',
  '?', '\\', '#', '!', '!!', '!$', '=', '{', '}', '[[', ']]', '$HOME', '${PATH:0:3}', '~root', '{a,b}', '$RANDOM',
];

/** ESC-based sequences a pasted file or a curious learner might put on a line. */
const ESCAPES = [
  '\x1b[31m', '\x1b[0m', '\x1b[2J', '\x1b[H', '\x1b]0;pwned\x07', '\x1b]2;title\x1b\\', '\x1b]52;c;aGVsbG8=\x07',
  '\x1b]8;;https://example.com\x07link\x1b]8;;\x07', '\x1bP+q544e\x1b\\', '\x1b[6n', '\x1b[?1049h', '\x1bc', '\x07', '\x00', '\x7f',
  '\x1b[200~', '\x1b[201~', '\r', '\t', '\x03', '\x04', '\u009b31m', '\u202e', '\ufeff',
];

const UNICODE = ['日本語', 'e\u0301', '👩‍💻', 'ñandú', 'Ω', '\u0000', '\ud800', 'ﬁ', 'العربية', '𝕜𝕦𝕓𝕖'];

const word: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...KUBECTL) },
  { weight: 10, arbitrary: fc.constantFrom(...FLAGS) },
  { weight: 3, arbitrary: fc.constantFrom(...SYNTAX) },
  { weight: 2, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  { weight: 1, arbitrary: fc.constantFrom(...UNICODE) },
  { weight: 1, arbitrary: fc.constantFrom(...ESCAPES) },
  { weight: 1, arbitrary: fc.constantFrom(...FLAGS).map((w) => `"${w}"`) },
  { weight: 1, arbitrary: fc.constantFrom(...FLAGS).map((w) => `'${w}'`) },
);

/** One simple command: a head and up to 8 words, space-separated (sometimes glued). */
const simple: fc.Arbitrary<string> = fc.tuple(
  fc.constantFrom(...HEADS),
  fc.array(fc.tuple(word, fc.constantFrom(' ', ' ', ' ', '')), { maxLength: 8 }),
).map(([head, words]) => `${head} ${words.map(([w, sep]) => w + sep).join('')}`.trimEnd());

const OPERATORS = [' | ', ' || ', ' && ', '; ', ' > /tmp/out ', ' >> /tmp/out ', ' 2>&1 | ', ' | grep ', ' & '];

/** Lines with structure: pipelines, substitutions, here-documents, loops. */
const compound: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(simple, fc.constantFrom(...OPERATORS), simple).map(([a, op, b]) => a + op + b),
  simple.map((s) => `echo "$(${s})"`),
  simple.map((s) => `X=$(${s} 2>&1); echo "$X" | wc -l`),
  fc.tuple(simple, fc.array(word, { maxLength: 3 })).map(([s, body]) => `${s} <<EOF\n${body.join(' ')}\n$(hostname)\nEOF`),
  fc.tuple(simple, fc.array(word, { maxLength: 3 })).map(([s, body]) => `cat <<'EOF' > /tmp/x.yaml\n${body.join(' ')}\nEOF\n${s}`),
  simple.map((s) => `for i in 1 2 3; do ${s}; done`),
  simple.map((s) => `if ${s}; then echo yes; else echo no; fi`),
  simple.map((s) => `( ${s} ) | head -3`),
  simple.map((s) => `${s} < /etc/hosts`),
);

/** Soup: any tokens in any order, as the original session fuzz typed. */
const soup: fc.Arbitrary<string> = fc.array(fc.oneof(fc.constantFrom(...HEADS, ...SYNTAX, '\n'), word), { minLength: 1, maxLength: 12 })
  .map((parts) => parts.join(' '));

/** Huge input: a long argument, a long pipeline, or a long line of garbage. */
const huge: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 2_000, max: 60_000 }).map((n) => `echo ${'x'.repeat(n)} | wc -c`),
  fc.integer({ min: 50, max: 400 }).map((n) => Array.from({ length: n }, () => 'cat').join(' | ')),
  fc.string({ unit: 'binary', minLength: 1_000, maxLength: 8_000 }),
  fc.integer({ min: 200, max: 2_000 }).map((n) => `kubectl get pods ${'-o yaml '.repeat(n)}`),
  fc.integer({ min: 100, max: 1_000 }).map((n) => `${'$('.repeat(n)}echo deep${')'.repeat(n)}`),
);

/** One command line (it may hold newlines: here-documents, or soup). */
export const fuzzLine: fc.Arbitrary<string> = fc.oneof(
  { weight: 10, arbitrary: simple },
  { weight: 6, arbitrary: compound },
  { weight: 3, arbitrary: soup },
  { weight: 1, arbitrary: huge },
);

/** `count` lines drawn from one seed: the same seed always gives the same lines. */
export function sampleLines(seed: number, count: number): string[] {
  return fc.sample(fuzzLine, { seed, numRuns: count });
}

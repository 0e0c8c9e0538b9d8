/**
 * What a build's RUN steps print and how long they take: pip, apk, gem and npm as they installed
 * DockerCoins' dependencies in the PWK era, shortened to the lines a learner recognises (no
 * progress bars). Versions are those the registries served then. Unknown commands print nothing.
 */

export interface RunOutput {
  /** Lines in order, each with its offset from the start of the step (ms). */
  readonly lines: ReadonlyArray<readonly [number, string]>;
  readonly durationMs: number;
  /** Bytes the step adds to the image. */
  readonly sizeBytes: number;
}

interface Pkg {
  readonly version: string;
  readonly kb: number;
  readonly deps?: ReadonlyArray<readonly [string, string, string, number]>;
}

const PIP: Readonly<Record<string, Pkg>> = {
  flask: {
    version: 'Flask-2.3.2', kb: 96,
    deps: [['Werkzeug>=2.3.3', 'Werkzeug', '2.3.6', 242], ['Jinja2>=3.1.2', 'Jinja2', '3.1.2', 133], ['itsdangerous>=2.1.2', 'itsdangerous', '2.1.2', 15],
      ['click>=8.1.3', 'click', '8.1.3', 96], ['blinker>=1.6.2', 'blinker', '1.6.2', 13], ['MarkupSafe>=2.1.1', 'MarkupSafe', '2.1.3', 25]],
  },
  redis: { version: 'redis-4.5.5', kb: 240 },
  requests: {
    version: 'requests-2.31.0', kb: 62,
    deps: [['charset-normalizer<4,>=2', 'charset-normalizer', '3.1.0', 197], ['idna<4,>=2.5', 'idna', '3.4', 61], ['urllib3<3,>=1.21.1', 'urllib3', '2.0.3', 123], ['certifi>=2017.4.17', 'certifi', '2023.5.7', 156]],
  },
};

const APK: Readonly<Record<string, readonly string[]>> = {
  'build-base': [
    'libgcc (12.2.1_git20220924-r10)', 'libstdc++ (12.2.1_git20220924-r10)', 'binutils (2.40-r7)', 'libmagic (5.45-r0)', 'file (5.45-r0)',
    'libgomp (12.2.1_git20220924-r10)', 'libatomic (12.2.1_git20220924-r10)', 'gmp (6.2.1-r3)', 'isl26 (0.26-r1)', 'mpfr4 (4.2.0-r3)',
    'mpc1 (1.3.1-r1)', 'gcc (12.2.1_git20220924-r10)', 'libstdc++-dev (12.2.1_git20220924-r10)', 'g++ (12.2.1_git20220924-r10)',
    'make (4.4.1-r1)', 'fortify-headers (1.1-r3)', 'patch (2.7.6-r10)', 'build-base (0.5-r3)',
  ],
  curl: ['c-ares (1.19.1-r0)', 'nghttp2-libs (1.55.1-r0)', 'libcurl (8.1.2-r0)', 'curl (8.1.2-r0)'],
};

const GEMS: Readonly<Record<string, readonly string[]>> = {
  sinatra: ['rack-2.2.7', 'ruby2_keywords-0.0.5', 'mustermann-3.0.0', 'rack-protection-3.0.6', 'tilt-2.2.0', 'sinatra-3.0.6'],
  thin: ['eventmachine-1.2.7', 'daemons-1.4.1', 'thin-1.8.2'],
};
const NATIVE_GEMS = new Set(['eventmachine-1.2.7', 'thin-1.8.2']);

const NPM: Readonly<Record<string, readonly string[]>> = {
  express: ['express@4.18.2', 'escape-html@1.0.3', 'array-flatten@1.1.1', 'cookie-signature@1.0.6', 'merge-descriptors@1.0.1', 'methods@1.1.2', 'content-type@1.0.5', 'etag@1.8.1', 'vary@1.1.2'],
  redis: ['redis@2.8.0', 'double-ended-queue@2.1.0-0', 'redis-commands@1.7.0', 'redis-parser@2.6.0'],
};

/** Spreads lines evenly over a duration. */
function timed(lines: readonly string[], durationMs: number, sizeBytes: number): RunOutput {
  const step = durationMs / (lines.length + 1);
  return { lines: lines.map((l, i) => [Math.round(step * (i + 1)), l] as const), durationMs, sizeBytes };
}

function words(command: string, after: RegExp): string[] {
  const m = after.exec(command);
  if (!m) return [];
  return command.slice(m.index + m[0].length).split(/\s+/).filter((w) => w !== '' && !w.startsWith('-') && !/[;&|]/.test(w));
}

function pip(names: readonly string[]): RunOutput {
  const lines: string[] = [];
  const installed: string[] = [];
  const order: string[] = [];
  for (const name of names) {
    const pkg = PIP[name.toLowerCase()] ?? { version: `${name}-1.0.0`, kb: 40 };
    lines.push(`Collecting ${name}`, `  Downloading ${pkg.version}-py3-none-any.whl (${pkg.kb} kB)`);
    for (const [req, dep, version, kb] of pkg.deps ?? []) {
      lines.push(`Collecting ${req} (from ${pkg.version.split('-')[0]})`, `  Downloading ${dep}-${version}-py3-none-any.whl (${kb} kB)`);
      installed.push(`${dep}-${version}`);
      order.unshift(dep);
    }
    installed.push(pkg.version);
    order.push(pkg.version.split('-')[0]!);
  }
  lines.push(`Installing collected packages: ${order.join(', ')}`, `Successfully installed ${installed.sort().join(' ')}`);
  lines.push("WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager. It is recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv");
  return timed(lines, 1200 + 700 * installed.length, installed.length * 900_000);
}

function apk(names: readonly string[]): RunOutput {
  const pkgs = names.flatMap((n) => APK[n] ?? [`${n} (1.0-r0)`]);
  const lines = [
    'fetch https://dl-cdn.alpinelinux.org/alpine/v3.18/main/x86_64/APKINDEX.tar.gz',
    'fetch https://dl-cdn.alpinelinux.org/alpine/v3.18/community/x86_64/APKINDEX.tar.gz',
    ...pkgs.map((p, i) => `(${i + 1}/${pkgs.length}) Installing ${p}`),
    'Executing busybox-1.36.1-r0.trigger',
    `OK: ${38 + pkgs.length * 11} MiB in ${45 + pkgs.length} packages`,
  ];
  return timed(lines, 1500 + pkgs.length * 350, pkgs.length * 10_500_000);
}

function gem(names: readonly string[]): RunOutput {
  const gems = names.flatMap((n) => GEMS[n] ?? [`${n}-1.0.0`]);
  const lines = [
    ...gems.map((g) => `Fetching ${g}.gem`),
    ...gems.flatMap((g) => (NATIVE_GEMS.has(g) ? ['Building native extensions. This could take a while...', `Successfully installed ${g}`] : [`Successfully installed ${g}`])),
    `${gems.length} gem${gems.length === 1 ? '' : 's'} installed`,
  ];
  const native = gems.filter((g) => NATIVE_GEMS.has(g)).length;
  return timed(lines, 1500 + gems.length * 400 + native * 4500, gems.length * 1_100_000 + native * 2_000_000);
}

function npm(names: readonly string[]): RunOutput {
  // node:4 images set NPM_CONFIG_LOGLEVEL=info, so npm 2 narrates its work.
  const lines = ['npm info it worked if it ends with ok', 'npm info using npm@2.15.11', 'npm info using node@v4.9.1'];
  for (const spec of names) {
    // "express@4": the package name without its version range.
    const name = spec.replace(/(.)@.*$/, '$1');
    const tree = NPM[name] ?? [`${name}@1.0.0`];
    lines.push(`npm http request GET https://registry.npmjs.org/${name}`, `npm http 200 https://registry.npmjs.org/${name}`);
    lines.push(`${tree[0]} node_modules/${name}`, ...tree.slice(1).map((d, i) => `${i === tree.length - 2 ? '└──' : '├──'} ${d}`));
  }
  lines.push('npm info ok ');
  return timed(lines, 1200 + names.length * 1400, names.length * 1_400_000);
}

/** What `RUN <command>` prints in a build, how long it takes and what it adds. */
export function runOutput(command: string): RunOutput {
  const c = command.trim();
  if (/\bpip3? install\b/.test(c)) return pip(words(c, /\bpip3? install\b/));
  if (/\bapk (?:--\S+ )*add\b/.test(c)) return apk(words(c, /\bapk (?:--\S+ )*add\b/));
  if (/\bgem install\b/.test(c)) return gem(words(c, /\bgem install\b/));
  if (/\bnpm install\b/.test(c)) return npm(words(c, /\bnpm install\b/));
  const echo = /^echo\s+(.*)$/.exec(c);
  if (echo) return timed([echo[1]!.replace(/^(["'])(.*)\1$/, '$2')], 300, 0);
  return timed([], 400, 0);
}

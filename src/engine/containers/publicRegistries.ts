/**
 * Which repositories and tags the public registries hold, as far as the playground knows them:
 * the one answer both image clients get — the kubelet's containerd (ErrImagePull for a typo like
 * `ngnix` or a tag like `nginx:1.99`) and `docker pull` (docker's own wording for the same).
 *
 * Docker Hub is modelled strictly: the official images a learner reaches for (nginx with its real
 * 1.x tags, busybox, alpine, redis, httpd, python, node, ubuntu, debian, centos…), the workshop's
 * jpetazzo/* and dockercoins/* (v0.1 and v0.2: v0.3 deliberately does not exist), weaveworks/*.
 * On registry.k8s.io the control-plane images' tags are checked; other repositories there, and
 * other registries (quay.io, ghcr.io, a learner's own registry), are taken as existing: the
 * playground cannot know what they hold.
 */

/** What a registry answers for a reference. */
export type RegistryAnswer = 'found' | 'no-repository' | 'no-tag';

type TagRule = RegExp | ((tag: string) => boolean);

/**
 * "1", "1.25", "1.25.3" for minors whose newest patch the table gives, each optionally followed by
 * one of the suffixes ("-alpine").
 */
function versions(major: number, newestPatch: Readonly<Record<number, number>>, suffixes: readonly string[], words: RegExp): TagRule {
  const shape = new RegExp(`^${major}(?:\\.(\\d+)(?:\\.(\\d+))?)?(?:-(${suffixes.join('|')}))?$`);
  return (tag) => {
    if (words.test(tag)) return true;
    const m = shape.exec(tag);
    if (!m) return false;
    if (m[1] === undefined) return true;
    const newest = newestPatch[Number(m[1])];
    if (newest === undefined || m[1] !== String(Number(m[1]))) return false;
    return m[2] === undefined || (Number(m[2]) <= newest && m[2] === String(Number(m[2])));
  };
}

/** Newest patch of each nginx 1.x minor on Docker Hub. */
const nginxTags = (): TagRule => versions(1, {
  7: 12, 8: 1, 9: 15, 10: 3, 11: 13, 12: 2, 13: 12, 14: 2, 15: 12, 16: 1, 17: 10, 18: 0, 19: 10, 20: 2, 21: 6, 22: 1, 23: 4, 24: 0,
  25: 5, 26: 3, 27: 5, 28: 0, 29: 1,
}, ['alpine', 'alpine-slim', 'alpine-perl', 'perl', 'bookworm', 'bullseye', 'buster', 'bookworm-perl', 'bullseye-perl'],
/^(latest|stable|mainline|alpine|alpine-slim|alpine-perl|perl|bookworm|bullseye|buster|(stable|mainline)(-(alpine|alpine-slim|alpine-perl|perl|bookworm|bullseye))?)$/);

const busyboxTags = (): TagRule => versions(1, { 24: 2, 25: 1, 26: 2, 27: 2, 28: 4, 29: 3, 30: 1, 31: 1, 32: 1, 33: 1, 34: 1, 35: 0, 36: 1, 37: 0 },
  ['musl', 'glibc', 'uclibc'], /^(latest|stable|unstable|musl|glibc|uclibc|(stable|unstable)-(musl|glibc|uclibc))$/);

const alpineTags = (): TagRule => versions(3, Object.fromEntries(Array.from({ length: 22 }, (_, i) => [i, 12])), ['slim'], /^(latest|edge)$/);

/** Debian/Alpine variants most official images publish. */
const VARIANT = '(-(alpine|alpine3\\.\\d{1,2}|slim|bookworm|bullseye|buster|stretch|jessie|slim-bookworm|slim-bullseye|slim-buster|windowsservercore))?';
const rule = (body: string): RegExp => new RegExp(`^(${body})${VARIANT}$`);
const VERSIONED = (majors: string, words = ''): RegExp => rule(`latest|alpine|slim|bookworm|bullseye|buster${words ? `|${words}` : ''}|(${majors})(\\.\\d{1,2}){0,2}`);

/** Docker Hub: "library/x" for official images. Built on first use: nothing runs when the module loads. */
const dockerHub = (): ReadonlyMap<string, TagRule> => new Map<string, TagRule>([
  ['library/nginx', nginxTags()],
  ['library/busybox', busyboxTags()],
  ['library/alpine', alpineTags()],
  ['library/redis', VERSIONED('2|3|4|5|6|7')],
  ['library/httpd', rule('latest|alpine|2|2\\.[24](\\.\\d{1,2})?')],
  ['library/python', VERSIONED('2|3')],
  ['library/node', VERSIONED('[4-9]|1\\d|2[0-3]', 'lts|current|lts-alpine|lts-slim|current-alpine|current-slim')],
  ['library/ubuntu', /^(latest|rolling|devel|trusty|xenial|bionic|focal|jammy|lunar|mantic|noble|oracular|(14|16|18|20|22|24)\.04(\.\d)?|(23|24)\.10)$/],
  ['library/debian', /^(latest|stable|testing|unstable|sid|bookworm|bullseye|buster|stretch|jessie|trixie|(stable|testing|bookworm|bullseye|buster|stretch|jessie)-(slim|backports)|[7-9]|1[0-3]|(7|8|9|1[0-3])(\.\d{1,2})?(-slim)?)$/],
  ['library/centos', /^(latest|[5-8]|centos[5-8]|[5-8]\.\d+(\.\d+)?|centos[5-8]\.\d+(\.\d+)?)$/],
  ['library/fedora', /^(latest|rawhide|\d{2})$/],
  ['library/ruby', VERSIONED('2|3')],
  ['library/perl', VERSIONED('5', 'threaded')],
  ['library/golang', VERSIONED('1')],
  ['library/openjdk', VERSIONED('[7-9]|1\\d|2[0-3]', 'jdk|jre')],
  ['library/php', VERSIONED('5|7|8', 'apache|fpm|cli')],
  ['library/postgres', VERSIONED('9|1[0-7]')],
  ['library/mysql', VERSIONED('5|8|9', 'oracle|debian')],
  ['library/mariadb', VERSIONED('10|11', 'lts')],
  ['library/mongo', VERSIONED('[3-8]')],
  ['library/memcached', VERSIONED('1')],
  ['library/rabbitmq', VERSIONED('3', 'management|management-alpine')],
  ['library/traefik', VERSIONED('1|2|3')],
  ['library/haproxy', VERSIONED('1|2|3', 'lts')],
  ['library/wordpress', VERSIONED('4|5|6', 'apache|fpm|fpm-alpine')],
  ['library/registry', /^(latest|2|2\.\d(\.\d)?)$/],
  ['library/elasticsearch', /^(1|2|5|6|7|8)(\.\d{1,2}){0,2}(-alpine)?$/],
  ['library/hello-world', /^(latest|linux)$/],
  ['library/bash', VERSIONED('[3-5]')],
  ['library/consul', VERSIONED('1')],
  ['library/vault', VERSIONED('1')],
  ['library/tomcat', VERSIONED('[7-9]|1[01]')],
  ['library/caddy', VERSIONED('2')],
  ['jpetazzo/color', /^latest$/],
  ['jpetazzo/httpenv', /^latest$/],
  ['jpetazzo/clock', /^latest$/],
  ['jpetazzo/webcolor', /^latest$/],
  ['jpetazzo/hamba', /^latest$/],
  ['jpetazzo/ping', /^latest$/],
  ...(['hasher', 'rng', 'webui', 'worker'] as const).map((svc): [string, TagRule] => [`dockercoins/${svc}`, /^v0\.[12]$/]),
  ['weaveworks/weave-kube', /^(latest|2\.\d\.\d)$/],
  ['weaveworks/weave-npc', /^(latest|2\.\d\.\d)$/],
  ['weaveworks/weave', /^(latest|2\.\d\.\d)$/],
  ['weaveworks/weaveexec', /^(latest|2\.\d\.\d)$/],
  ['weaveworks/scope', /^(latest|1\.\d{1,2}\.\d)$/],
  ['curlimages/curl', /^(latest|\d\.\d{1,2}\.\d)$/],
  ['nicolaka/netshoot', /^(latest|v0\.\d{1,2})$/],
  ['traefik/whoami', /^(latest|v1\.\d{1,2}(\.\d)?)$/],
  ['containous/whoami', /^(latest|v1\.\d(\.\d)?)$/],
  ['hashicorp/http-echo', /^(latest|\d\.\d\.\d|alpine)$/],
  ['kennethreitz/httpbin', /^latest$/],
  ['prom/prometheus', /^(latest|main|v\d\.\d{1,2}\.\d)$/],
  ['grafana/grafana', /^(latest|main|\d{1,2}\.\d{1,2}\.\d)$/],
  ['jenkins/jenkins', /^(latest|lts|lts-jdk\d{2}|\d\.\d{1,3}(\.\d)?)$/],
  ['bitnami/kubectl', /^(latest|1\.\d{2}(\.\d{1,2})?)$/],
]);

/** registry.k8s.io's control-plane repositories and their tag shapes (v1.27's and their neighbours). */
const k8sRegistry = (): ReadonlyMap<string, TagRule> => new Map<string, TagRule>([
  ...['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kube-proxy'].map((r): [string, TagRule] => [r, /^v1\.(1\d|2\d|3[0-3])\.\d{1,2}$/]),
  ['pause', /^(latest|3\.\d{1,2}|2\.0|1\.0)$/],
  ['etcd', /^3\.[2-5]\.\d{1,2}(-\d)?$/],
  ['coredns/coredns', /^v1\.\d{1,2}\.\d{1,2}$/],
  ['coredns', /^(1\.[0-7]\.\d{1,2})$/],
]);

let tables: { readonly hub: ReadonlyMap<string, TagRule>; readonly k8s: ReadonlyMap<string, TagRule> } | undefined;
const answers = new Map<string, RegistryAnswer>();

/**
 * The registry's answer for a reference as containerd normalizes it ("docker.io/library/nginx:1.99",
 * "registry.k8s.io/etcd:3.5.7-0"). A digest reference is taken as found.
 */
export function registryAnswer(ref: string): RegistryAnswer {
  let answer = answers.get(ref);
  if (answer === undefined) {
    answer = decide(ref);
    answers.set(ref, answer);
  }
  return answer;
}

function decide(ref: string): RegistryAnswer {
  if (ref.includes('@')) return 'found';
  const slash = ref.indexOf('/');
  const colon = ref.lastIndexOf(':');
  if (slash < 0 || colon < ref.lastIndexOf('/')) return 'found';
  const registry = ref.slice(0, slash);
  const repository = ref.slice(slash + 1, colon);
  const tag = ref.slice(colon + 1);
  tables ??= { hub: dockerHub(), k8s: k8sRegistry() };
  const table = registry === 'docker.io' ? tables.hub : registry === 'registry.k8s.io' || registry === 'k8s.gcr.io' ? tables.k8s : undefined;
  if (!table) return 'found';
  const tags = table.get(repository);
  if (!tags) return table === tables.hub ? 'no-repository' : 'found';
  return (typeof tags === 'function' ? tags(tag) : tags.test(tag)) ? 'found' : 'no-tag';
}

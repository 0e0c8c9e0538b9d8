/**
 * The diagram's words for containers, data flows and highlights, es and en (the rest of the picture speaks
 * kubectl's English: statuses, kinds). Docker's own status words ("Up", "Exited (137)") and the
 * unit "req/s" stay as the tools print them.
 */
import type { Lang } from '../../store';

const en = {
  containersTitle: 'containers (docker)',
  containersOn: (count: number, host: string) => `${count} ${count === 1 ? 'container' : 'containers'} on ${host}`,
  container: (name: string, service: string | undefined, host: string) => `container ${name}${service === undefined ? '' : ` (service ${service})`} on ${host}`,
  ip: (ip: string) => `IP ${ip}`,
  ports: (ports: string) => `ports ${ports}`,
  kind: (kind: 'http' | 'redis'): string => (kind === 'redis' ? 'Redis commands' : 'HTTP requests'),
  flow: (what: string, from: string, to: string, rate: string, latencyMs: number) => `${what} from ${from} to ${to}, ${rate} per second, ${latencyMs} ms each`,
  mergedFlow: (what: string, count: number, service: string, to: string, rate: string) => `${what} from ${count} ${service} containers to ${to}, ${rate} per second`,
  containersCaption: (host: string) => `Containers on ${host}`,
  containerColumn: 'Container',
  status: 'Status',
  portsColumn: 'Ports',
  service: (service: string) => `service ${service}`,
  running: (count: number, running: number) => `${count} ${count === 1 ? 'container' : 'containers'}, ${running} running.`,
  flows: 'Data flows',
  /** Appended to a highlighted node's aria-label. */
  highlighted: 'highlighted',
  /** The tag drawn on a highlighted node (with its outline). */
  highlightTag: 'look here',
};

export type DiagramWords = typeof en;

const es: DiagramWords = {
  containersTitle: 'contenedores (docker)',
  containersOn: (count, host) => `${count} ${count === 1 ? 'contenedor' : 'contenedores'} en ${host}`,
  container: (name, service, host) => `contenedor ${name}${service === undefined ? '' : ` (servicio ${service})`} en ${host}`,
  ip: (ip) => `IP ${ip}`,
  ports: (ports) => `puertos ${ports}`,
  kind: (kind) => (kind === 'redis' ? 'Órdenes Redis' : 'Peticiones HTTP'),
  flow: (what, from, to, rate, latencyMs) => `${what} de ${from} a ${to}, ${rate} por segundo, ${latencyMs} ms cada una`,
  mergedFlow: (what, count, service, to, rate) => `${what} de ${count} contenedores ${service} a ${to}, ${rate} por segundo`,
  containersCaption: (host) => `Contenedores en ${host}`,
  containerColumn: 'Contenedor',
  status: 'Estado',
  portsColumn: 'Puertos',
  service: (service) => `servicio ${service}`,
  running: (count, running) => `${count} ${count === 1 ? 'contenedor' : 'contenedores'}, ${running} en marcha.`,
  flows: 'Flujos de datos',
  highlighted: 'destacado',
  highlightTag: 'mira aquí',
};

const WORDS: Readonly<Record<Lang, DiagramWords>> = { en, es };

export function diagramWords(lang: Lang = 'en'): DiagramWords {
  return WORDS[lang];
}

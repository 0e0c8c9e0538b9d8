/**
 * Which URLs open the web UI panel instead of a new tab: an http(s) address of a node (its name or
 * its IP, or localhost as typed on that node) on the web UI's port 8000, or a NodePort
 * (30000–32767, where later lessons expose it). In the real workshop such a link opened PWK's port
 * proxy in a new tab; here the page itself is the browser, and no such host exists outside it.
 */
import { NODE_NAMES, WEBUI_PORT, type NodeName, type WebuiTarget } from '../../store';

export interface LinkContext {
  /** The machines and their addresses (the snapshot's hosts). */
  readonly hosts: readonly { readonly name: string; readonly ip: string }[];
  /** The node whose terminal shows the link: what localhost means there. Lessons have none. */
  readonly local?: NodeName | undefined;
}

const URL_SHAPE = /^https?:\/\/([a-z0-9.-]+)(?::(\d{1,5}))?(\/[^\s?#]*)?(?:[?#]\S*)?$/i;
/** The pages a browser pointed at the web UI would show it for (the app redirects / to /index.html). */
const PAGE_PATHS = new Set(['', '/', '/index.html']);
const NODE_PORT_MIN = 30000;
const NODE_PORT_MAX = 32767;

export function webuiTargetOf(url: string, context: LinkContext): WebuiTarget | undefined {
  const match = URL_SHAPE.exec(url);
  if (match === null) return undefined;
  const [, rawHost = '', rawPort, path = ''] = match;
  const port = rawPort === undefined ? 80 : Number(rawPort);
  if (port !== WEBUI_PORT && (port < NODE_PORT_MIN || port > NODE_PORT_MAX)) return undefined;
  if (!PAGE_PATHS.has(path)) return undefined;
  const node = nodeOf(rawHost.toLowerCase(), context);
  return node === undefined ? undefined : { node, port };
}

function nodeOf(host: string, context: LinkContext): NodeName | undefined {
  if (host === 'localhost' || host.startsWith('127.')) return context.local;
  const name = context.hosts.find((h) => h.name === host || h.ip === host)?.name ?? host;
  return NODE_NAMES.find((n) => n === name);
}

/** Where http(s) URLs sit in a line of text: what the terminal underlines when they are ours. */
export interface UrlSpan {
  readonly url: string;
  /** 0-based index of the first character. */
  readonly start: number;
}

// Stops at whitespace, quotes and brackets; a trailing full stop or comma belongs to the sentence.
const URL_IN_TEXT = /https?:\/\/[^\s'"<>()[\]{}]+/gi;

export function urlsIn(text: string): UrlSpan[] {
  const spans: UrlSpan[] = [];
  for (const m of text.matchAll(URL_IN_TEXT)) spans.push({ url: m[0].replace(/[.,;:!]+$/, ''), start: m.index });
  return spans;
}

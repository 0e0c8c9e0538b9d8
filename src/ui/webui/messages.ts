/**
 * The web UI panel's words, es and en. They live here rather than in ../i18n.ts because that
 * dictionary ships with the first prompt and these load with the panel's lazy chunk.
 *
 * Two kinds of text: the browser around the page (address bar, buttons, error pages, the text
 * alternative) speaks the learner's language, as a browser would; the page itself — "DockerCoin
 * Miner WebUI", "Current mining speed: ~3.3 hashes/second" — is DockerCoins' own English HTML and
 * reads the same in both (see PAGE below). Chromium's error codes (ERR_CONNECTION_REFUSED) come with
 * the engine's answer and are never translated.
 */
import type { BrowserError, Lang } from '../../store';

/** DockerCoins' page (webui/files/index.html): the same words whatever the learner's language. */
export const PAGE = {
  title: 'DockerCoin Miner WebUI',
  speedLabel: 'Current mining speed:',
  speedUnit: 'hashes/second',
} as const;

const en = {
  open: 'Web UI',
  openLabel: (address: string) => `Open DockerCoins' web UI (${address})`,
  tab: 'Web UI',
  panel: (address: string) => `Web browser showing ${address}`,
  address: 'Address',
  node: 'Node',
  close: 'Close the web UI',
  connecting: (host: string) => `Waiting for ${host}…`,
  cannotReach: 'This site can’t be reached',
  networkDetail: (error: BrowserError, host: string) => ({
    refused: `${host} refused to connect.`,
    unreachable: `${host} is unreachable.`,
    reset: `${host} didn’t send any data.`,
    timeout: `${host} took too long to respond.`,
    dns: `${host}’s server IP address could not be found.`,
    'bad-url': 'The address is not valid.',
  })[error],
  notWorking: 'This page isn’t working',
  httpError: (status: number) => `HTTP ERROR ${status}`,
  notWebui: (host: string) => `${host} answers, but not as DockerCoins' web UI: /json gave no numbers.`,
  retrying: 'This tab tries again every second.',
  frozen: (detail: string) => `The last refresh failed (${detail}): the graph stays as it was until the web UI answers again.`,
  chart: 'Hashes per second, last four minutes',
  noAnswerYet: 'No answer yet.',
  lastMinute: (mean: string, min: string, max: string) => `Last minute: ${mean} hashes/second on average, from ${min} to ${max}.`,
  announce: (speed: string) => `Mining speed: about ${speed} hashes/second over the last 10 seconds.`,
  tableToggle: 'Last minute as a table',
  tableCaption: 'Mean speed in 10-second steps',
  secondsAgo: 'Seconds ago',
  meanSpeed: 'Hashes/second',
  none: '—',
};

export type WebuiMessages = typeof en;

const es: WebuiMessages = {
  open: 'Interfaz web',
  openLabel: (address) => `Abrir la interfaz web de DockerCoins (${address})`,
  tab: 'Web',
  panel: (address) => `Navegador web mostrando ${address}`,
  address: 'Dirección',
  node: 'Nodo',
  close: 'Cerrar la interfaz web',
  connecting: (host) => `Esperando a ${host}…`,
  cannotReach: 'No se puede acceder a este sitio web',
  networkDetail: (error, host) => ({
    refused: `${host} ha rechazado la conexión.`,
    unreachable: `No se puede llegar a ${host}.`,
    reset: `${host} no ha enviado ningún dato.`,
    timeout: `${host} ha tardado demasiado en responder.`,
    dns: `No se ha podido encontrar la dirección IP del servidor de ${host}.`,
    'bad-url': 'La dirección no es válida.',
  })[error],
  notWorking: 'Esta página no funciona',
  httpError: (status) => `HTTP ERROR ${status}`,
  notWebui: (host) => `${host} responde, pero no como la interfaz web de DockerCoins: /json no dio números.`,
  retrying: 'Esta pestaña lo vuelve a intentar cada segundo.',
  frozen: (detail) => `La última actualización falló (${detail}): el gráfico se queda como estaba hasta que la interfaz web vuelva a responder.`,
  chart: 'Hashes por segundo, últimos cuatro minutos',
  noAnswerYet: 'Aún no hay respuesta.',
  lastMinute: (mean, min, max) => `Último minuto: ${mean} hashes/segundo de media, entre ${min} y ${max}.`,
  announce: (speed) => `Velocidad de minado: unos ${speed} hashes/segundo en los últimos 10 segundos.`,
  tableToggle: 'Último minuto en una tabla',
  tableCaption: 'Velocidad media en tramos de 10 segundos',
  secondsAgo: 'Hace (segundos)',
  meanSpeed: 'Hashes/segundo',
  none: '—',
};

const MESSAGES: Readonly<Record<Lang, WebuiMessages>> = { en, es };

export function webuiMessages(lang: Lang): WebuiMessages {
  return MESSAGES[lang];
}

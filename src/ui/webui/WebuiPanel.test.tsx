import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { World } from '../../engine';
import { startWebuiPoller, type BrowserGet, type WebuiView } from '../../store';
import { webuiMessages } from './messages';
import { WebuiPanel } from './WebuiPanel';

const en = webuiMessages('en');
const es = webuiMessages('es');
const noop = () => undefined;
const refused: BrowserGet = (_w, _u, done) => {
  done({ kind: 'error', error: 'refused', code: 'ERR_CONNECTION_REFUSED' });
};

/** A fake sample source: the web UI of one worker (+4 every 1.2 s), answering in 2 ms. */
const oneWorker: BrowserGet = (world, _url, done) => {
  world.clock.schedule(2, () => {
    const hashes = 4 * Math.floor(world.now() / 1200);
    done({ kind: 'response', status: 200, body: JSON.stringify({ coins: 1, hashes: String(hashes), now: world.wallNow() / 1000 }) });
  });
};

function viewAfter(ms: number, get: BrowserGet, node: 'node1' | 'node2' = 'node1'): WebuiView {
  const world = new World({ seed: 'panel' });
  const poller = startWebuiPoller({ world, target: { node, port: 8000 }, get });
  world.advance(ms);
  return poller.getView();
}

const render = (view: WebuiView, t = en) => renderToStaticMarkup(<WebuiPanel view={view} t={t} onClose={noop} onNode={noop} />);

describe('WebuiPanel: DockerCoins\' page in a small browser', () => {
  it('shows the page: title, the graph, and the speed the page computes, with one decimal', () => {
    const html = render(viewAfter(30_000, oneWorker));
    expect(html).toContain('data-testid="webui"');
    expect(html).toContain('aria-label="Web browser showing http://node1:8000/"');
    expect(html).toContain('<h2 class="kp-webui-title">DockerCoin Miner WebUI</h2>');
    expect(html).toMatch(/data-testid="webui-speed">Current mining speed: <span>~(4\.0|0\.0) hashes\/second<\/span>/);
    expect(html).toMatch(/<svg class="kp-webui-plot"[^>]*role="img" aria-label="Hashes per second, last four minutes"/);
    expect(html).toMatch(/<path class="kp-webui-area" d="M0,400L/);
  });

  it('gives the chart a text alternative: the last minute in words and as a table', () => {
    const html = render(viewAfter(90_000, oneWorker));
    expect(html).toMatch(/Last minute: 3\.[2-4] hashes\/second on average, from 0\.0 to 4\.0\./);
    expect(html).toContain('<summary>Last minute as a table</summary>');
    expect(html).toContain('<th scope="row">60–50</th>');
    expect(html).toContain('role="status" aria-live="polite"');
  });

  it('shows the browser\'s error page when the connection is refused, and says it keeps trying', () => {
    const html = render(viewAfter(3_000, refused, 'node2'));
    expect(html).toContain('data-testid="webui-error"');
    expect(html).toContain('This site can’t be reached');
    expect(html).toContain('node2 refused to connect.');
    expect(html).toContain('ERR_CONNECTION_REFUSED');
    expect(html).toContain('This tab tries again every second.');
    expect(html).not.toContain('Current mining speed');
  });

  it('speaks the learner\'s language around the page, and DockerCoins\' English inside it', () => {
    const error = render(viewAfter(0, refused), es);
    expect(error).toContain('No se puede acceder a este sitio web');
    expect(error).toContain('node1 ha rechazado la conexión.');
    expect(error).toContain('aria-label="Cerrar la interfaz web"');
    const live = render(viewAfter(20_000, oneWorker), es);
    expect(live).toContain('DockerCoin Miner WebUI');
    expect(live).toContain('Current mining speed:');
    expect(live).toContain('Último minuto en una tabla');
  });

  it('waits politely for a web UI that has not answered yet', () => {
    const html = render(viewAfter(5_000, () => undefined));
    expect(html).toContain('Waiting for node1:8000…');
  });

  it('keeps the graph and says so when a refresh fails after the page loaded', () => {
    const stopsAt5s: BrowserGet = (w, u, done) => (w.now() < 5_000 ? oneWorker(w, u, done) : refused(w, u, done));
    const html = render(viewAfter(10_000, stopsAt5s));
    expect(html).toContain('Current mining speed:');
    expect(html).toContain('The last refresh failed (ERR_CONNECTION_REFUSED)');
  });

  it('has an address bar naming the node, a node picker and a close button', () => {
    const html = render(viewAfter(0, () => undefined, 'node2'));
    expect(html).toContain('data-testid="webui-address">http://node2:8000/</output>');
    expect(html).toMatch(/<select data-testid="webui-node"><option value="node1">node1<\/option><option value="node2" selected="">node2<\/option>/);
    expect(html).toContain('data-testid="webui-close"');
  });
});

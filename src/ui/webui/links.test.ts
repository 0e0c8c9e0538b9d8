import { describe, expect, it } from 'vitest';
import { linksInRow, nodeOfTerminal } from './terminalLinks';
import { urlsIn, webuiTargetOf } from './links';

const hosts = [{ name: 'node1', ip: '192.168.0.8' }, { name: 'node2', ip: '192.168.0.7' }];

describe('webuiTargetOf: which addresses open the web UI panel', () => {
  it('a node by name or IP on port 8000, with or without the page path', () => {
    expect(webuiTargetOf('http://node1:8000', { hosts })).toEqual({ node: 'node1', port: 8000 });
    expect(webuiTargetOf('http://node2:8000/', { hosts })).toEqual({ node: 'node2', port: 8000 });
    expect(webuiTargetOf('http://192.168.0.7:8000/index.html', { hosts })).toEqual({ node: 'node2', port: 8000 });
    expect(webuiTargetOf('HTTP://NODE1:8000', { hosts })).toEqual({ node: 'node1', port: 8000 });
  });

  it('localhost only where it has a meaning: in a node\'s terminal', () => {
    expect(webuiTargetOf('http://localhost:8000', { hosts, local: 'node2' })).toEqual({ node: 'node2', port: 8000 });
    expect(webuiTargetOf('http://127.0.0.1:8000/', { hosts, local: 'node1' })).toEqual({ node: 'node1', port: 8000 });
    expect(webuiTargetOf('http://localhost:8000', { hosts })).toBeUndefined();
  });

  it('a NodePort, where later lessons expose the web UI', () => {
    expect(webuiTargetOf('http://node1:31234/', { hosts })).toEqual({ node: 'node1', port: 31234 });
  });

  it('nothing else: other ports, other paths, other hosts', () => {
    for (const url of ['http://node1:8001/32', 'http://node1', 'http://node1:8000/json', 'http://node3:8000', 'https://github.com/jpetazzo/container.training', 'ftp://node1:8000', 'node1:8000']) {
      expect(webuiTargetOf(url, { hosts, local: 'node1' }), url).toBeUndefined();
    }
  });
});

describe('links in a terminal row', () => {
  it('finds URLs in text, leaving a sentence\'s punctuation out', () => {
    expect(urlsIn('Open http://node1:8000. Or curl "http://localhost:8000/json"')).toEqual([
      { url: 'http://node1:8000', start: 5 },
      { url: 'http://localhost:8000/json', start: 33 },
    ]);
  });

  it('underlines only web UI addresses, in 1-based cells, and opens the panel on activation', () => {
    const opened: unknown[] = [];
    const row = '[node1 ~]$ echo http://localhost:8000 http://localhost:8001/32';
    const links = linksInRow(row, 7, { hosts, local: 'node1' }, (target) => opened.push(target));
    expect(links.map((l) => [l.text, l.range])).toEqual([
      ['http://localhost:8000', { start: { x: 17, y: 7 }, end: { x: 37, y: 7 } }],
    ]);
    links[0]!.activate(new Event('click') as MouseEvent, links[0]!.text);
    expect(opened).toEqual([{ node: 'node1', port: 8000 }]);
  });

  it('knows a terminal\'s node from its contract test id', () => {
    expect(nodeOfTerminal('terminal-node2')).toBe('node2');
    expect(nodeOfTerminal('terminal-other')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { dockercoinsOnNode1 } from '../testing/composeStates';
import { freshWorld } from '../testing/engineStates';
import { resolveCommand } from './template';

describe('{{webuiUrl}}', () => {
  it("is the node's address and the port webui publishes, while webui runs", () => {
    const app = dockercoinsOnNode1();
    expect(resolveCommand('curl -s {{webuiUrl}}/json', app.world, 'en').ok).toBe(false);
    app.up();
    expect(resolveCommand('curl -s {{webuiUrl}}/json', app.world, 'en')).toEqual({ ok: true, command: `curl -s http://${app.world.host('node1')!.ip}:8000/json` });
    app.stop();
    expect(resolveCommand('{{webuiUrl}}', app.world, 'en').ok, 'stopped').toBe(false);
  });

  it('says how to start it, in the learner language', () => {
    expect(resolveCommand('{{webuiUrl}}', freshWorld(), 'en')).toEqual({
      ok: false, variable: 'webuiUrl', message: "DockerCoins' web UI is not running: start it with docker-compose up on node1 first.",
    });
    expect(resolveCommand('{{webuiUrl}}', freshWorld(), 'es')).toMatchObject({ message: 'La interfaz web de DockerCoins no está funcionando: arráncala primero con docker-compose up en node1.' });
  });
});

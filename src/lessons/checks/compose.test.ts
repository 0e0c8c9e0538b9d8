import { describe, expect, it } from 'vitest';
import type { CheckSpec } from '../model';
import { freshWorld } from '../testing/engineStates';
import { dockercoinsOnNode1 } from '../testing/composeStates';
import { prepareCheck, type PreparedCheck } from './prepare';

const ctx = { nodes: ['node1', 'node2'] };

function check(predicate: string, args: CheckSpec['args']): PreparedCheck {
  const prepared = prepareCheck({ predicate, args, line: 1 }, ctx);
  if (!prepared.ok) throw new Error(prepared.errors.join('; '));
  return prepared.check;
}

function errorsOf(predicate: string, args: CheckSpec['args']): readonly string[] {
  const prepared = prepareCheck({ predicate, args, line: 1 }, ctx);
  return prepared.ok ? [] : prepared.errors;
}

const ALL = ['rng', 'hasher', 'webui', 'redis', 'worker'];

describe('compose-running', () => {
  const everything = check('compose-running', { host: 'node1', project: 'dockercoins', services: ALL });
  const tenWorkers = check('compose-running', { host: 'node1', project: 'dockercoins', services: ['worker'], count: 10 });

  it('is false on a host where docker never ran, true once every service runs, false again once stopped', () => {
    expect(everything.evaluate(freshWorld())).toBe(false);
    const app = dockercoinsOnNode1();
    expect(everything.evaluate(app.world), 'images pulled, nothing created').toBe(false);
    app.up();
    expect(everything.evaluate(app.world)).toBe(true);
    app.stop();
    expect(everything.evaluate(app.world), 'stopped containers do not count').toBe(false);
  });

  it('counts running containers per service, as --scale makes them', () => {
    const app = dockercoinsOnNode1();
    app.up();
    expect(tenWorkers.evaluate(app.world)).toBe(false);
    app.scale('worker', 9);
    expect(tenWorkers.evaluate(app.world)).toBe(false);
    app.scale('worker', 10);
    expect(tenWorkers.evaluate(app.world)).toBe(true);
    app.scale('worker', 2);
    app.world.advance(10_000);
    expect(tenWorkers.evaluate(app.world), 'scaled back down').toBe(false);
    expect(check('compose-running', { host: 'node1', project: 'dockercoins', services: ['worker'], count: 2 }).evaluate(app.world)).toBe(true);
  });

  it('is about one project on one host', () => {
    const app = dockercoinsOnNode1({ project: 'coins' });
    app.up();
    expect(everything.evaluate(app.world), 'another project').toBe(false);
    expect(check('compose-running', { host: 'node1', project: 'coins', services: ALL }).evaluate(app.world)).toBe(true);
    expect(check('compose-running', { host: 'node2', project: 'coins', services: ALL }).evaluate(app.world)).toBe(false);
  });

  it('describes itself in both languages', () => {
    expect(everything.describe('en')).toBe('the dockercoins project runs rng, hasher, webui, redis and worker on node1');
    expect(everything.describe('es')).toBe('el proyecto dockercoins ejecuta rng, hasher, webui, redis y worker en node1');
    expect(tenWorkers.describe('en')).toBe('the dockercoins project runs 10 worker containers on node1');
    expect(tenWorkers.describe('es')).toBe('el proyecto dockercoins ejecuta 10 contenedores de worker en node1');
    const two = check('compose-running', { host: 'node1', project: 'dockercoins', services: ['rng', 'hasher'], count: 2 });
    expect(two.describe('en')).toBe('the dockercoins project runs 2 containers each of rng and hasher on node1');
    expect(two.describe('es')).toBe('el proyecto dockercoins ejecuta 2 contenedores de cada uno de rng y hasher en node1');
  });

  it('validates its arguments', () => {
    expect(errorsOf('compose-running', { host: 'node1', project: 'dockercoins' })).toEqual([
      'compose-running needs "services" (the services that must run, e.g. services: [rng, hasher, webui, redis, worker])',
    ]);
    expect(errorsOf('compose-running', { host: 'node1', project: 'dockercoins', services: 'worker' })).toEqual([]);
    expect(errorsOf('compose-running', { host: 'node1', project: 'dockercoins', services: [] })).toEqual(['"services" of compose-running must be a list of service names, e.g. services: [a, b]']);
    expect(errorsOf('compose-running', { host: 'node1', project: 'dockercoins', services: ['worker', 3, 'a b'] })).toEqual([
      '"services" of compose-running must be a list of service names, e.g. services: [a, b]; got 3, "a b"',
    ]);
    expect(errorsOf('compose-running', { host: 'node1', project: 'dockercoins', services: ['worker', 'worker'] })).toEqual(['"services" of compose-running lists "worker" twice']);
    expect(errorsOf('compose-running', { host: 'node1', project: 'DockerCoins', services: ['worker'] })).toEqual([
      '"project" of compose-running must be a compose project name (lowercase letters, digits, _ and -), got "DockerCoins"',
    ]);
    expect(errorsOf('compose-running', { host: 'node1', project: 'dockercoins', services: ['worker'], count: 0 })).toEqual([
      '"count" of compose-running must be a whole number of at least 1, got 0',
    ]);
  });
});

describe('compose-down', () => {
  const down = check('compose-down', { host: 'node1', project: 'dockercoins' });

  it('holds once the project has no container left: stopping is not enough', () => {
    const app = dockercoinsOnNode1();
    app.up();
    expect(down.evaluate(app.world)).toBe(false);
    app.stop();
    expect(down.evaluate(app.world), 'stopped containers are still there (docker ps -a)').toBe(false);
    app.down();
    expect(down.evaluate(app.world)).toBe(true);
  });

  it('describes itself in both languages and validates its arguments', () => {
    expect(down.describe('en')).toBe('no container of the dockercoins project is left on node1');
    expect(down.describe('es')).toBe('no queda ningún contenedor del proyecto dockercoins en node1');
    expect(errorsOf('compose-down', { host: 'node3', project: 'dockercoins' })).toEqual(['unknown node "node3" in "host" of compose-down: this playground has node1 and node2']);
  });
});

describe('hash-rate', () => {
  const atLeast = (n: number, host = 'node1') => check('hash-rate', { host, atLeast: n });

  it("reads the model's speed from Redis' counter: one worker about 3.3/s, two about 6.7/s, ten about 10/s (rng's ceiling)", () => {
    const app = dockercoinsOnNode1({ programs: 'dockercoins' });
    expect(atLeast(3).evaluate(app.world), 'nothing runs').toBe(false);
    app.up();
    app.world.advance(30_000);
    expect([atLeast(3).evaluate(app.world), atLeast(4).evaluate(app.world)]).toEqual([true, false]);
    expect(atLeast(3, 'node2').evaluate(app.world), 'no Redis on node2').toBe(false);
    app.scale('worker', 2);
    app.world.advance(30_000);
    expect([atLeast(6).evaluate(app.world), atLeast(7.5).evaluate(app.world)]).toEqual([true, false]);
    app.scale('worker', 10);
    app.world.advance(30_000);
    expect([atLeast(9).evaluate(app.world), atLeast(11).evaluate(app.world)]).toEqual([true, false]);
    app.stop();
    app.world.advance(15_000);
    expect(atLeast(1).evaluate(app.world), 'the app stopped').toBe(false);
  });

  it('describes itself in both languages and validates its arguments', () => {
    expect(atLeast(9).describe('en')).toBe('DockerCoins mines at least 9 hashes/second on node1');
    expect(atLeast(9).describe('es')).toBe('DockerCoins mina al menos 9 hashes/segundo en node1');
    expect(errorsOf('hash-rate', { host: 'node1' })).toEqual(['hash-rate needs "atLeast" (hashes per second, e.g. atLeast: 9 (fractions allowed))']);
    expect(errorsOf('hash-rate', { host: 'node1', atLeast: 0 })).toEqual(['"atLeast" of hash-rate must be a number of at least 0.1, got 0']);
    expect(errorsOf('hash-rate', { host: 'node1', atLeast: 3, window: 300 })).toEqual(['"window" of hash-rate must be at most 119 seconds (Redis keeps two minutes of the counter)']);
  });
});

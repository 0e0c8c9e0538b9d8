import { describe, expect, it } from 'vitest';
import { devServerPlan } from './start.mjs';

describe('npm start', () => {
  it('serves on 127.0.0.1:5173 by default, and fails rather than move to another port', () => {
    expect(devServerPlan([])).toEqual({
      args: ['--host', '127.0.0.1', '--port', '5173', '--strictPort'],
      url: 'http://127.0.0.1:5173/',
    });
  });

  it('passes --host through: every address, Vite lists them', () => {
    expect(devServerPlan(['--host'])).toEqual({ args: ['--port', '5173', '--strictPort', '--host'], url: undefined });
    expect(devServerPlan(['--host', '0.0.0.0']).url).toBeUndefined();
  });

  it('passes a chosen host or port through and prints that URL', () => {
    expect(devServerPlan(['--host', '192.168.1.5'])).toEqual({
      args: ['--port', '5173', '--strictPort', '--host', '192.168.1.5'],
      url: 'http://192.168.1.5:5173/',
    });
    expect(devServerPlan(['--port=3000'])).toEqual({ args: ['--host', '127.0.0.1', '--port=3000'], url: 'http://127.0.0.1:3000/' });
  });
});

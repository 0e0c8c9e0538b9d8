/**
 * Test fixtures for docker and docker-compose: a small DockerCoins project laid out like the
 * workshop's (a version-2 compose file, one directory and Dockerfile per service) and a terminal
 * screen that renders a transcript the way xterm shows it (compose moves the cursor up to turn
 * "Creating … " into "Creating … done"; colours are dropped).
 */
import { fakeContainerPrograms, setProgramTable, type World } from '../../../../engine';
import { VirtualScreen } from '../../../terminal/testing/screen';

export const COMPOSE_FILE = `version: "2"

services:
  rng:
    build: rng
    ports:
    - "8001:80"

  hasher:
    build: hasher
    ports:
    - "8002:80"

  webui:
    build: webui
    ports:
    - "8000:80"
    volumes:
    - "./webui/files/:/files/"

  redis:
    image: redis

  worker:
    build: worker
`;

const FILES: Readonly<Record<string, string>> = {
  'docker-compose.yml': COMPOSE_FILE,
  'rng/Dockerfile': 'FROM python:alpine\nRUN pip install Flask\nCOPY rng.py /\nCMD python rng.py\nEXPOSE 80\n',
  'rng/rng.py': 'print("rng")\n',
  'hasher/Dockerfile': 'FROM ruby:alpine\nCOPY hasher.rb /\nCMD ruby hasher.rb\nEXPOSE 80\n',
  'hasher/hasher.rb': 'puts "hasher"\n',
  'webui/Dockerfile': 'FROM node:4-slim\nCOPY files/ /files/\nCOPY webui.js /\nCMD node webui.js\nEXPOSE 80\n',
  'webui/webui.js': 'console.log("webui")\n',
  'webui/files/index.html': '<title>DockerCoin Miner WebUI</title>\n',
  'worker/Dockerfile': 'FROM python:alpine\nCOPY worker.py /\nCMD python worker.py\n',
  'worker/worker.py': 'print("worker")\n',
};

/** Writes the project under `dir` on a host. */
export function writeProject(world: World, host: string, dir: string, files: Readonly<Record<string, string>> = FILES): void {
  const fs = world.host(host)!.fs;
  for (const [path, content] of Object.entries(files)) {
    const full = `${dir}/${path}`;
    fs.mkdir(full.slice(0, full.lastIndexOf('/')), { parents: true });
    fs.writeFile(full, content);
  }
}

/** Containers run the test doubles (a banner per server, a worker that logs every second and ignores SIGTERM). */
export function useFakePrograms(world: World): void {
  setProgramTable(world, fakeContainerPrograms());
}

/** What a terminal shows after `output` (the shell writes "\n"; the tty adds the carriage return). */
export function screen(output: string, columns = 160): string {
  const s = new VirtualScreen(columns, 2000);
  s.write(output.replace(/\n/g, '\r\n'));
  return `${s.text()}\n`;
}

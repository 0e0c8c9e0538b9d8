/**
 * Every program the shell can run besides its builtins, one entry per line. Heavy programs are
 * lazy entries ({ name, summary, load }): their module loads on first use, after the first prompt.
 */
import type { CommandEntry } from '../interpreter/commandTable';
import { COREUTILS } from './coreutils';

export const COMMANDS: readonly CommandEntry[] = [
  ...COREUTILS,
  { name: 'kubectl', summary: 'kubectl controls the Kubernetes cluster manager.', load: () => import('./kubectl').then((m) => m.kubectl) },
  { name: 'kubeadm', summary: 'kubeadm: easily bootstrap a secure Kubernetes cluster', load: () => import('./kubeadm').then((m) => m.kubeadm) },
  { name: 'git', summary: 'the stupid content tracker', load: () => import('./git').then((m) => m.git) },
  { name: 'docker', summary: 'A self-sufficient runtime for containers', load: () => import('./docker').then((m) => m.docker) },
  { name: 'docker-compose', summary: 'Define and run multi-container applications with Docker.', load: () => import('./compose').then((m) => m.dockerCompose) },
  { name: 'curl', summary: 'transfer a URL', load: () => import('./net').then((m) => m.curl) },
  { name: 'httping', summary: 'measure the latency of a webserver', load: () => import('./net').then((m) => m.httping) },
  { name: 'ping', summary: 'send ICMP ECHO_REQUEST to network hosts', load: () => import('./netutils').then((m) => m.ping) },
  { name: 'nslookup', summary: 'query Internet name servers', load: () => import('./netutils').then((m) => m.nslookup) },
  { name: 'dig', summary: 'DNS lookup utility', load: () => import('./netutils').then((m) => m.dig) },
  { name: 'wget', summary: 'The non-interactive network downloader.', load: () => import('./netutils').then((m) => m.wget) },
  { name: 'vi', summary: "Vi IMproved, a programmer's text editor", load: () => import('./editor').then((m) => m.vi) },
  { name: 'vim', summary: "Vi IMproved, a programmer's text editor", load: () => import('./editor').then((m) => m.vim) },
  { name: 'nano', summary: "Nano's ANOther editor, an enhanced free Pico clone", load: () => import('./editor').then((m) => m.nano) },
];

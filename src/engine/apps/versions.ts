/**
 * The software inside DockerCoins' images, one consistent set (the images built from
 * python:alpine, ruby:alpine and node:4-slim, and redis:latest): banners, Server headers and
 * tracebacks quote these.
 */
export const VERSIONS = {
  python: '3.8.3',
  flask: '1.1.2',
  werkzeug: '1.0.1',
  redisPy: '3.5.3',
  requests: '2.24.0',
  ruby: '2.7.1',
  sinatra: '2.0.8.1',
  thin: '1.7.2',
  thinCodename: 'Bachmanity',
  node: '4.9.1',
  redis: '7.0.11',
} as const;

/** Where pip installed the worker's libraries in python:alpine, for tracebacks. */
export const SITE_PACKAGES = `/usr/local/lib/python${VERSIONS.python.split('.').slice(0, 2).join('.')}/site-packages`;

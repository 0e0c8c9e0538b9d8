/**
 * The software inside DockerCoins' images in June 2023, what `docker-compose build` installs
 * (python:alpine + Flask/redis/requests from pip, ruby:alpine + sinatra/thin, node:4-slim +
 * express/redis, redis:latest): banners, Server headers and tracebacks quote these, and they match
 * the versions the builder prints (../containers/runOutput.ts).
 */
export const VERSIONS = {
  python: '3.11.4',
  flask: '2.3.2',
  werkzeug: '2.3.6',
  redisPy: '4.5.5',
  requests: '2.31.0',
  urllib3: '2.0.3',
  ruby: '3.2.2',
  sinatra: '3.0.6',
  thin: '1.8.2',
  thinCodename: 'Ruby Razor',
  node: '4.9.1',
  express: '4.18.2',
  redis: '7.0.11',
} as const;

/** Where pip installed the worker's libraries in python:alpine, for tracebacks. */
export const SITE_PACKAGES = `/usr/local/lib/python${VERSIONS.python.split('.').slice(0, 2).join('.')}/site-packages`;

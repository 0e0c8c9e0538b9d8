/**
 * DockerCoins, the workshop's sample application, as kubeplay writes it: our own code, doing what
 * the workshop's services do (rng and hasher sleep 0.1 s per request, rng serves one request at a
 * time, the worker flushes its count to Redis about once a second, the web UI polls /json every
 * second). Paths are relative to the application's directory; the repositories place it.
 */
import type { SourceFile } from './types';
import { DOLLAR_BRACE as D, file } from './text';

const COMPOSE = file`
version: "2"

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

/** The same services with image names, to push what Compose builds to a registry. */
function composeWithImages(): string {
  const built = (svc: string, extra: string) => `  ${svc}:\n    build: ${svc}\n    image: ${D}REGISTRY_SLASH}${svc}${D}COLON_TAG}\n${extra}`;
  return [
    'version: "2"', '',
    '# Set REGISTRY_SLASH (e.g. "127.0.0.1:5000/") and COLON_TAG (e.g. ":v0.1"),',
    '# then "docker-compose -f docker-compose.images.yml build" and "push".',
    'services:',
    built('rng', '    ports:\n    - "8001:80"\n'),
    built('hasher', '    ports:\n    - "8002:80"\n'),
    built('webui', '    ports:\n    - "8000:80"\n    volumes:\n    - "./webui/files/:/files/"\n'),
    '  redis:\n    image: redis\n',
    built('worker', ''),
  ].join('\n');
}

const RNG_DOCKERFILE = file`
FROM python:alpine
RUN pip install Flask
COPY rng.py /
CMD python rng.py
EXPOSE 80
`;

const RNG_PY = file`
"""rng: hands out random bytes over HTTP.

GET /<n> answers n random bytes, after a short pause. The server has a
single thread: requests are served one at a time, about ten per second,
and the others wait in line.
"""
import os
import socket
import time

from flask import Flask, Response

PAUSE = 0.1  # seconds spent on every request

app = Flask(__name__)
app.debug = os.environ.get("DEBUG", "").lower().startswith("y")
hostname = socket.gethostname()


@app.route("/")
def status():
    return "RNG running on {}\n".format(hostname)


@app.route("/<int:size>")
def random_bytes(size):
    time.sleep(PAUSE)
    with open("/dev/urandom", "rb") as source:
        data = source.read(size)
    return Response(data, content_type="application/octet-stream")


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=80, threaded=False)
`;

const HASHER_DOCKERFILE = file`
FROM ruby:alpine
RUN apk add --update build-base curl
RUN gem install sinatra thin
COPY hasher.rb /
CMD ruby hasher.rb
EXPOSE 80
HEALTHCHECK --interval=1s --timeout=2s --retries=3 --start-period=1s CMD curl http://localhost/ || exit 1
`;

const HASHER_RB = file`
# hasher: answers the SHA-256 (as 64 hex digits) of whatever is POSTed to it.
# Sinatra runs on Thin, which serves requests concurrently.
require 'digest'
require 'sinatra'
require 'socket'

set :bind, '0.0.0.0'
set :port, 80

PAUSE = 0.1 # seconds: hashing pretends to be hard work

post '/' do
  sleep PAUSE
  content_type 'text/plain'
  Digest::SHA2.new(256).hexdigest(request.body.read)
end

get '/' do
  "HASHER running on #{Socket.gethostname}\n"
end
`;

const WORKER_DOCKERFILE = file`
FROM python:alpine
RUN pip install redis requests
COPY worker.py /
CMD python worker.py
`;

const WORKER_PY = file`
"""worker: mines DockerCoins.

Each unit of work asks rng for 32 random bytes and hasher for their
SHA-256. A hash that starts with "0" is a coin: it goes to the wallet.
About once a second the worker adds the units done to the "hashes"
counter in Redis, which the web UI turns into a speed.
"""
import logging
import os
from time import sleep, time

import requests
from redis import Redis

DEBUG = os.environ.get("DEBUG", "").lower().startswith("y")
logging.basicConfig(level=logging.DEBUG if DEBUG else logging.INFO)
logging.getLogger("requests").setLevel(logging.WARNING)
log = logging.getLogger(__name__)

redis = Redis("redis")


def get_random_bytes():
    return requests.get("http://rng/32").content


def hash_bytes(data):
    reply = requests.post("http://hasher/", data=data,
                          headers={"Content-Type": "application/octet-stream"})
    return reply.text


def work_once():
    log.debug("Doing one unit of work")
    sleep(0.1)
    random_bytes = get_random_bytes()
    hex_hash = hash_bytes(random_bytes)
    if not hex_hash.startswith("0"):
        log.debug("No coin found")
        return
    log.info("Coin found: {}...".format(hex_hash[:8]))
    created = redis.hset("wallet", hex_hash, random_bytes)
    if not created:
        log.info("We already had that coin")


def work_loop(interval=1):
    deadline = 0
    loops_done = 0
    while True:
        if time() > deadline:
            log.info("{} units of work done, updating hash counter"
                     .format(loops_done))
            redis.incrby("hashes", loops_done)
            loops_done = 0
            deadline = time() + interval
        work_once()
        loops_done += 1


if __name__ == "__main__":
    while True:
        try:
            work_loop()
        except Exception:
            log.exception("In work loop:")
            log.error("Waiting 10s and restarting.")
            sleep(10)
`;

const WEBUI_DOCKERFILE = file`
FROM node:4-slim
RUN npm install express@4 redis@2
COPY files/ /files/
COPY webui.js /
CMD node webui.js
EXPOSE 80
`;

const WEBUI_JS = file`
// webui: serves the dashboard (files/) and the numbers it polls (/json).
var express = require('express');
var redis = require('redis');

var app = express();
var client = redis.createClient(6379, 'redis');

client.on('error', function (err) {
  console.error('Redis error', err);
});

app.get('/', function (req, res) {
  res.redirect('/index.html');
});

// coins: how many hashes in the wallet; hashes: the counter, as Redis
// returns it (a string); now: the server's clock, in seconds.
app.get('/json', function (req, res) {
  client.hlen('wallet', function (err, coins) {
    client.get('hashes', function (err, hashes) {
      res.json({ coins: coins, hashes: hashes, now: Date.now() / 1000 });
    });
  });
});

app.use(express.static('files'));

app.listen(80, function () {
  console.log('WEBUI running on port 80');
});
`;

const INDEX_HTML = file`
<!doctype html>
<html>
<head>
<meta charset="utf-8">
<title>DockerCoin Miner WebUI</title>
<link rel="stylesheet" href="webui.css">
</head>
<body>
<h1>DockerCoin Miner WebUI</h1>
<canvas id="graph" width="800" height="400"></canvas>
<p>Current mining speed: ~<span id="speed">?</span> hashes/second
<a id="tweet" href="https://twitter.com/intent/tweet">(Tweet this!)</a></p>
<script src="dashboard.js"></script>
</body>
</html>
`;

const DASHBOARD_JS = file`
// Polls json once per second, keeps the last 250 samples and draws the
// hashes/second between consecutive samples as an area chart.
(function () {
  var HISTORY = 250;
  var samples = [];
  var canvas = document.getElementById('graph');
  var ctx = canvas.getContext('2d');

  function speeds() {
    var out = [];
    for (var i = 1; i < samples.length; i++) {
      var a = samples[i - 1], b = samples[i];
      out.push((b.hashes - a.hashes) / (b.now - a.now));
    }
    return out;
  }

  function draw(values) {
    var w = canvas.width, h = canvas.height;
    var top = Math.max.apply(null, values.concat([1]));
    ctx.clearRect(0, 0, w, h);
    ctx.beginPath();
    ctx.moveTo(0, h);
    values.forEach(function (v, i) {
      ctx.lineTo(i * w / (values.length - 1), h - v / top * h);
    });
    ctx.lineTo(w, h);
    ctx.fillStyle = 'steelblue';
    ctx.fill();
  }

  function record(data) {
    var sample = { now: data.now, hashes: Number(data.hashes) || 0 };
    if (samples.length === 0) {
      // A flat start: as if the counter had not moved for the whole window.
      for (var i = HISTORY - 1; i > 0; i--) {
        samples.push({ now: sample.now - i, hashes: sample.hashes });
      }
    }
    samples.push(sample);
    if (samples.length > HISTORY) samples.shift();
    var values = speeds();
    var speed = values[values.length - 1].toFixed(1);
    draw(values);
    document.getElementById('speed').textContent = speed;
    document.getElementById('tweet').href = 'https://twitter.com/intent/tweet?text=' +
      encodeURIComponent('I am mining ' + speed + ' DockerCoins per second!');
  }

  function refresh() {
    var xhr = new XMLHttpRequest();
    xhr.open('GET', 'json');
    xhr.onload = function () {
      if (xhr.status === 200) record(JSON.parse(xhr.responseText));
    };
    xhr.send();
  }

  refresh();
  setInterval(refresh, 1000);
})();
`;

const WEBUI_CSS = file`
body { font-family: sans-serif; margin: 2em; }
h1 { font-weight: normal; }
#graph { border: 1px solid #ccc; max-width: 100%; }
`;

/** The application's files, relative to its directory, sorted by path. */
export function dockercoinsFiles(): SourceFile[] {
  return [
    { path: 'docker-compose.images.yml', content: composeWithImages() },
    { path: 'docker-compose.yml', content: COMPOSE },
    { path: 'hasher/Dockerfile', content: HASHER_DOCKERFILE },
    { path: 'hasher/hasher.rb', content: HASHER_RB },
    { path: 'rng/Dockerfile', content: RNG_DOCKERFILE },
    { path: 'rng/rng.py', content: RNG_PY },
    { path: 'webui/Dockerfile', content: WEBUI_DOCKERFILE },
    { path: 'webui/files/dashboard.js', content: DASHBOARD_JS },
    { path: 'webui/files/index.html', content: INDEX_HTML },
    { path: 'webui/files/webui.css', content: WEBUI_CSS },
    { path: 'webui/webui.js', content: WEBUI_JS },
    { path: 'worker/Dockerfile', content: WORKER_DOCKERFILE },
    { path: 'worker/worker.py', content: WORKER_PY },
  ];
}

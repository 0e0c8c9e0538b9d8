import { describe, expect, it } from 'vitest';
import { registryAnswer } from './publicRegistries';
import { normalizeImageRef } from '../cluster/kubelet/images';

const answer = (image: string) => registryAnswer(normalizeImageRef(image));

describe('what the public registries hold', () => {
  it('knows the images of the lessons, the workshop and common learner choices', () => {
    for (const image of [
      'nginx', 'nginx:latest', 'nginx:1.25', 'nginx:1.24', 'nginx:1.25.3', 'nginx:1.14.2', 'nginx:alpine', 'nginx:1.25-alpine', 'nginx:stable-alpine', 'nginx:1.25.3-alpine-slim',
      'busybox', 'busybox:1.36', 'busybox:1.36.1-musl', 'alpine', 'alpine:3.18', 'alpine:3.18.4', 'alpine:edge', 'redis', 'redis:7', 'redis:6.2-alpine', 'redis:7.0.11',
      'httpd', 'httpd:2.4', 'httpd:2.4.57-alpine', 'python', 'python:alpine', 'python:3.11-slim', 'node', 'node:4-slim', 'node:18-alpine', 'ubuntu', 'ubuntu:22.04', 'debian:bookworm-slim', 'centos:7',
      'perl:5.34', 'postgres', 'elasticsearch:2', 'registry:2', 'jpetazzo/color', 'jpetazzo/httpenv', 'dockercoins/rng:v0.1', 'dockercoins/worker:v0.2', 'docker.io/dockercoins/webui:v0.1',
      'weaveworks/weave-kube:2.8.1', 'weaveworks/weave-npc:2.8.1', 'registry.k8s.io/kube-apiserver:v1.27.2', 'registry.k8s.io/pause:3.9', 'registry.k8s.io/etcd:3.5.7-0',
      'registry.k8s.io/coredns/coredns:v1.10.1', 'registry.k8s.io/e2e-test-images/agnhost:2.39', 'quay.io/prometheus/node-exporter:v1.6.0', '127.0.0.1:31500/rng:v0.1',
      'nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31',
    ]) expect([image, answer(image)]).toEqual([image, 'found']);
  });

  it('answers no such repository for typos and unknown accounts, no such tag for versions that never were', () => {
    for (const image of ['ngnix', 'nignx:latest', 'busybx', 'someone/nothing', 'jpetazzo/colour']) expect([image, answer(image)]).toEqual([image, 'no-repository']);
    for (const image of ['nginx:1.99', 'nginx:1.25.9', 'nginx:2', 'nginx:lastest', 'dockercoins/worker:v0.3', 'alpine:3.99', 'busybox:2.0', 'registry.k8s.io/kube-apiserver:v9.0.0']) {
      expect([image, answer(image)]).toEqual([image, 'no-tag']);
    }
  });
});

/**
 * The top level of the workshop's repository, kept small (it ships in the git command's lazy
 * chunk): enough for `ls`, `tree -L 1` and `cat README.md` to look like a training repository,
 * DockerCoins under dockercoins/, and k8s/dockercoins.yaml for the Kubernetes chapters.
 */
import type { SourceFile } from './types';
import { file } from './text';

const README = file`
# Container Training

Slides, sample code and tooling for workshops about containers, Docker
and Kubernetes.

- dockercoins/: DockerCoins, the sample application used all along
- k8s/: Kubernetes manifests for the Kubernetes chapters
- slides/: the slide decks, in Markdown
- prepare-vms/: how the training machines get provisioned

To follow along, clone this repository on your node, then:

    cd container.training/dockercoins
    docker-compose up

This copy belongs to kubeplay's simulated world: every file in it was
written for kubeplay's lessons. It follows the layout of the workshop's
repository, not its contents.
`;

const LICENSE = file`
Copyright the kubeplay authors.

The files of this simulated repository are part of kubeplay and are
distributed under the same terms as kubeplay itself.
`;

const GITIGNORE = file`
*.pyc
*.swp
node_modules/
slides/*.yml.html
prepare-vms/tags/
`;

const SELF_PACED = file`
title: |
  Deploying and Scaling Microservices
  with Kubernetes

chapters:
- shared/title.md
- shared/prereqs.md
- shared/sampleapp.md
- shared/composescale.md
- shared/composedown.md
- k8s/concepts-k8s.md
- k8s/kubectlget.md
- k8s/kubectlrun.md
- k8s/ourapponkube.md
- k8s/scalingdockercoins.md
- k8s/daemonset.md
- k8s/rollout.md
`;

const SAMPLE_APP = file`
# Our sample application

- DockerCoins mines fake coins: a hash that starts with 0 is a coin
- rng generates random bytes, hasher hashes them
- worker calls rng, then hasher, in a loop, and counts its work in redis
- webui shows the mining speed, computed from that count

---

## Running the application

    cd ~/container.training/dockercoins
    docker-compose up

Then open port 8000 of your node in a browser.
`;

const PREPARE_README = file`
# prepare-vms

Scripts that create the workshop's machines and install Docker, Compose
and kubeadm on them. Learners never need them.
`;

/** The shape `kubectl create deployment X --image=Y --dry-run=client -o yaml` gives, trimmed. */
function deployment(name: string, image: string): string {
  return [
    'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  labels:', `    app: ${name}`, `  name: ${name}`,
    'spec:', '  replicas: 1', '  selector:', '    matchLabels:', `      app: ${name}`, '  template:', '    metadata:',
    '      labels:', `        app: ${name}`, '    spec:', '      containers:', `      - image: ${image}`, `        name: ${name}`, '',
  ].join('\n');
}

/** The shape `kubectl expose deployment X --port=P [--type=NodePort]` gives, trimmed. */
function service(name: string, port: number, nodePort: boolean): string {
  return [
    'apiVersion: v1', 'kind: Service', 'metadata:', '  labels:', `    app: ${name}`, `  name: ${name}`, 'spec:', '  ports:',
    `  - port: ${port}`, '    protocol: TCP', `    targetPort: ${port}`, '  selector:', `    app: ${name}`,
    `  type: ${nodePort ? 'NodePort' : 'ClusterIP'}`, '',
  ].join('\n');
}

function dockercoinsManifest(): string {
  return [
    deployment('hasher', 'dockercoins/hasher:v0.1'), service('hasher', 80, false),
    deployment('redis', 'redis'), service('redis', 6379, false),
    deployment('rng', 'dockercoins/rng:v0.1'), service('rng', 80, false),
    deployment('webui', 'dockercoins/webui:v0.1'), service('webui', 80, true),
    deployment('worker', 'dockercoins/worker:v0.1'),
  ].join('---\n');
}

/** Everything but dockercoins/, which the catalogue adds. */
export function containerTrainingFiles(): SourceFile[] {
  return [
    { path: '.gitignore', content: GITIGNORE },
    { path: 'LICENSE', content: LICENSE },
    { path: 'README.md', content: README },
    { path: 'k8s/dockercoins.yaml', content: dockercoinsManifest() },
    { path: 'prepare-vms/README.md', content: PREPARE_README },
    { path: 'slides/kube-selfpaced.yml', content: SELF_PACED },
    { path: 'slides/shared/sampleapp.md', content: SAMPLE_APP },
  ];
}

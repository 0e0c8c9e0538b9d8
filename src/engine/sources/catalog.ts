/**
 * The repositories of our world, by the URLs learners clone them from: the workshop's
 * jpetazzo/container.training (DockerCoins under dockercoins/), and the DockerCoins-only
 * jpetazzo/dockercoins and dockersamples/dockercoins (the application at their root).
 */
import { containerTrainingFiles } from './containerTraining';
import { dockercoinsFiles } from './dockercoins';
import type { SourceCommit, SourceFile, SourceRepository } from './types';

/** The commits are kubeplay's: the files are our own, so the history says so. */
const AUTHOR = { author: 'kubeplay', email: 'sources@kubeplay.invalid' } as const;

const byPath = (a: SourceFile, b: SourceFile): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

function commit(sha: string, time: number, tz: string, subject: string, body?: string): SourceCommit {
  return { sha, ...AUTHOR, time, tz, subject, ...(body !== undefined ? { body } : {}) };
}

const DOCKERCOINS_README = `# DockerCoins

A toy application made of five services: rng (random bytes), hasher
(SHA-256), worker (calls both in a loop), redis (the counters) and webui
(the mining speed, on port 8000).

    docker-compose up

This copy belongs to kubeplay's simulated world; kubeplay wrote its files.
`;

let built: readonly SourceRepository[] | undefined;

/** Built on first use: the contents are a few tens of KB of text. */
export function repositories(): readonly SourceRepository[] {
  built ??= [
    {
      owner: 'jpetazzo',
      name: 'container.training',
      defaultBranch: 'master',
      commits: [
        commit('97dd56b9e4d7a29986041d222aac4bdd660dceef', 1685112069, '+0200', 'dockercoins: say which coins are new in the worker logs'),
        commit('47a4b6fa797644a23735e777347cffda5cd3ae1b', 1684742627, '+0200', 'k8s: DockerCoins manifests with the v0.1 images',
          'The Kubernetes chapters deploy the prebuilt images from the Docker Hub\ninstead of building them on every node.'),
        commit('97eacf03ae5c34cbcc76c3b0299781d202ecd0d7', 1683822450, '+0200', 'rng: serve one request at a time again'),
        commit('f49926f545786c63bb191b7fc3f39fa714122480', 1682665925, '+0200', 'slides: self-paced Kubernetes deck'),
      ],
      files: [...containerTrainingFiles(), ...dockercoinsFiles().map((f) => ({ ...f, path: `dockercoins/${f.path}` }))].sort(byPath),
      pack: { objects: 24837, counted: 1204, compressed: 530, sentDeltas: 716, deltas: 15602, reused: 912, reusedDeltas: 647, packReused: 23633, bytes: 29_999_104 },
      shallowPack: { objects: 1731, counted: 1731, compressed: 1402, sentDeltas: 118, deltas: 118, reused: 1306, reusedDeltas: 118, packReused: 0, bytes: 9_761_382 },
    },
    {
      owner: 'jpetazzo',
      name: 'dockercoins',
      defaultBranch: 'master',
      commits: [
        commit('0be98814ac4f8e70e75c66eab8282ceae0e79c31', 1678789241, '+0100', 'webui: draw the chart without external libraries'),
        commit('081f5f86a5b1f527697a17412ea305da71cb19b5', 1675349292, '+0100', 'DockerCoins: rng, hasher, worker, redis and webui'),
      ],
      files: [...dockercoinsFiles(), { path: 'README.md', content: DOCKERCOINS_README }].sort(byPath),
      pack: { objects: 131, counted: 131, compressed: 77, sentDeltas: 11, deltas: 42, reused: 96, reusedDeltas: 31, packReused: 0, bytes: 23_967 },
      shallowPack: { objects: 22, counted: 22, compressed: 18, sentDeltas: 0, deltas: 0, reused: 14, reusedDeltas: 0, packReused: 0, bytes: 9_204 },
    },
    {
      owner: 'dockersamples',
      name: 'dockercoins',
      defaultBranch: 'master',
      commits: [
        commit('7ed2701a808c81adc42c1ec606dd51943d7a3417', 1680552358, '-0700', 'Compose file: publish rng, hasher and webui'),
        commit('0cd3d2cee50832cc004a12a81b688036020928d7', 1674146660, '-0800', 'Initial commit'),
      ],
      files: [...dockercoinsFiles(), { path: 'README.md', content: DOCKERCOINS_README }].sort(byPath),
      pack: { objects: 214, counted: 214, compressed: 118, sentDeltas: 26, deltas: 87, reused: 158, reusedDeltas: 61, packReused: 0, bytes: 31_744 },
      shallowPack: { objects: 22, counted: 22, compressed: 18, sentDeltas: 0, deltas: 0, reused: 14, reusedDeltas: 0, packReused: 0, bytes: 9_215 },
    },
  ];
  return built;
}

/** A GitHub repository URL's parts: https or http, optional ".git" and trailing slash. */
export interface GithubPath {
  readonly owner: string;
  readonly name: string;
}

export function githubPath(pathname: string): GithubPath | undefined {
  const m = pathname.match(/^\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/);
  return m ? { owner: m[1]!, name: m[2]! } : undefined;
}

/** GitHub matches owners and names without regard to case. */
export function findGithubRepository(path: GithubPath): SourceRepository | undefined {
  const owner = path.owner.toLowerCase();
  const name = path.name.toLowerCase();
  return repositories().find((r) => r.owner.toLowerCase() === owner && r.name.toLowerCase() === name);
}

/** The canonical https URL of a repository of the catalogue. */
export function repositoryUrl(repo: SourceRepository): string {
  return `https://github.com/${repo.owner}/${repo.name}`;
}

/** Every repository's clone URL, for completion and documentation. */
export function knownRepositoryUrls(): string[] {
  return repositories().map(repositoryUrl);
}

/** The repository holding a commit (ids are unique across the catalogue), and where in its history. */
export function findCommit(sha: string): { readonly repo: SourceRepository; readonly index: number } | undefined {
  for (const repo of repositories()) {
    const index = repo.commits.findIndex((c) => c.sha === sha);
    if (index >= 0) return { repo, index };
  }
  return undefined;
}

/**
 * The remote repositories learners clone, as data: each is its default branch's files and a short
 * history. `git clone` writes the files to a host's filesystem; `git status` and `git diff`
 * compare the working tree with them.
 */

export interface SourceFile {
  /** Relative to the repository's root: "dockercoins/worker/worker.py". */
  readonly path: string;
  readonly content: string;
  /** Mode 100755 in git's tree (scripts). */
  readonly executable?: boolean;
}

export interface SourceCommit {
  /** 40 lowercase hex digits. */
  readonly sha: string;
  readonly author: string;
  readonly email: string;
  /** Seconds since the Unix epoch, and the author's UTC offset ("+0200"), as git stores them. */
  readonly time: number;
  readonly tz: string;
  readonly subject: string;
  readonly body?: string;
}

/**
 * What GitHub's server reports while packing a clone: the numbers of its "remote:" lines and the
 * size the client receives. A shallow clone (--depth) gets its own, smaller pack.
 */
export interface PackStats {
  readonly objects: number;
  /** "Counting objects: 100% (counted/counted)": objects not taken whole from an existing pack. */
  readonly counted: number;
  readonly compressed: number;
  /** "Total N (delta sentDeltas)": deltas the server computed for this pack. */
  readonly sentDeltas: number;
  /** "Resolving deltas: 100% (deltas/deltas)": every delta the client resolves. */
  readonly deltas: number;
  readonly reused: number;
  readonly reusedDeltas: number;
  readonly packReused: number;
  readonly bytes: number;
}

export interface SourceRepository {
  /** "jpetazzo" */
  readonly owner: string;
  /** "container.training" */
  readonly name: string;
  readonly defaultBranch: string;
  /** Newest first; commits[0] is the branch's head. */
  readonly commits: readonly SourceCommit[];
  /** The head commit's tree, sorted by path. */
  readonly files: readonly SourceFile[];
  readonly pack: PackStats;
  readonly shallowPack: PackStats;
}

/**
 * Runs a command's Program inside the shell's process: its effects pass through to the runtime,
 * except `read`, which becomes a read of the command's own stdin (a pipe, a file, the terminal).
 * If the shell's process is stopped (SIGPIPE), the Program is closed too so its finally blocks run.
 */
import type { ShellGen } from '../runtime/effects';
import type { Effect, InputStream, Program } from '../types';

export function* drive(program: Program, stdin: InputStream): ShellGen {
  let resume: { readonly value: unknown } | { readonly error: unknown } = { value: undefined };
  let finished = false;
  try {
    for (;;) {
      const r: IteratorResult<Effect, number> = 'error' in resume ? program.throw(resume.error) : program.next(resume.value);
      if (r.done) {
        finished = true;
        return typeof r.value === 'number' && Number.isFinite(r.value) ? r.value : 0;
      }
      try {
        resume = { value: r.value.kind === 'read' ? yield* stdin.read() : yield r.value };
      } catch (error) {
        resume = { error };
      }
    }
  } finally {
    if (!finished) program.return(0);
  }
}

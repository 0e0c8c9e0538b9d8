/**
 * vi, vim and nano as programs: take the terminal (raw mode on the alternate screen), draw the
 * editor, feed it the keys as they come, and give the terminal back when it quits, is interrupted
 * or fails. Files are the host's (a node's, or a container's under kubectl exec).
 */
import { resolvePath } from '../../../engine';
import { terminalOf, type Command, type CommandContext, type Program, type TerminalScreen } from '../../types';
import { decodeKeys } from './keys';
import type { Editor, EditorFiles } from './model';
import { Nano } from './nano';
import { Painter } from './screen';
import { Vi } from './vi';

export type EditorName = 'vi' | 'vim' | 'nano';

function filesOf(ctx: CommandContext): EditorFiles {
  const fs = ctx.host.fs;
  return {
    read(name) {
      const path = resolvePath(name, ctx.cwd);
      if (fs.isDir(path)) return { kind: 'dir' };
      const r = fs.readFile(path);
      return r.ok ? { kind: 'file', text: r.value } : { kind: 'new' };
    },
    write(name, text) {
      const r = fs.writeFile(resolvePath(name, ctx.cwd), text);
      return r.ok ? { ok: true } : { ok: false, reason: r.error.code === 'EISDIR' ? 'dir' : 'missing' };
    },
  };
}

/** Draws, reads keys, and hands them to the editor until it quits; the terminal is given back whatever happens. */
export function* runEditor(screen: TerminalScreen, editor: Editor): Program {
  const painter = new Painter(screen);
  let size = `${screen.columns}x${screen.rows}`;
  try {
    for (;;) {
      painter.paint(editor.frame(screen.columns, screen.rows));
      const said = editor.announcement();
      if (said !== undefined) screen.announce(said);
      const data = yield* screen.read();
      if (`${screen.columns}x${screen.rows}` !== size) {
        size = `${screen.columns}x${screen.rows}`;
        painter.invalidate();
      }
      for (const key of decodeKeys(data)) {
        editor.handle(key);
        if (editor.exitCode !== undefined) return editor.exitCode;
      }
    }
  } finally {
    screen.close();
  }
}

const VERSIONS: Readonly<Record<EditorName, string>> = {
  vi: 'VIM - Vi IMproved 7.4 (2013 Aug 10, compiled Dec 15 2020 16:44:08)\nSmall version without GUI.\n',
  vim: 'VIM - Vi IMproved 7.4 (2013 Aug 10, compiled Dec 15 2020 16:44:08)\nHuge version without GUI.\n',
  nano: ' GNU nano version 2.3.1 (compiled 04:47:52, Jun 10 2014)\n',
};

export function editorCommand(name: EditorName): Command {
  return {
    name,
    summary: name === 'nano' ? 'Nano\'s ANOther editor, an enhanced free Pico clone' : 'Vi IMproved, a programmer\'s text editor',
    run(ctx) {
      let file: string | undefined;
      let line: number | undefined;
      for (const arg of ctx.argv.slice(1)) {
        if (arg === '--version' || arg === '-V' && name === 'nano') {
          ctx.stdout.write(VERSIONS[name]);
          return 0;
        }
        if (/^\+\d*$/.test(arg)) line = arg === '+' ? -1 : Number(arg.slice(1));
        else if (!arg.startsWith('-') && file === undefined) file = arg;
      }
      const control = terminalOf(ctx);
      const screen = control?.fullScreen();
      if (!screen) {
        // A real editor would draw on whatever its output is; a page has one terminal per node.
        ctx.stderr.write(`${name}: the editor needs the terminal for its input and output (not a pipe, a file or $(...))\n`);
        return 1;
      }
      const files = filesOf(ctx);
      return runEditor(screen, name === 'nano' ? new Nano(files, file, line) : new Vi(files, file, line));
    },
  };
}

/**
 * The full-screen editors, loaded lazily as one chunk (registry entries in ../index.ts): vi and vim
 * (vim-minimal's modal subset) and nano (2.3.1). `kubectl edit` runs `$KUBE_EDITOR`/`$EDITOR` (vi
 * by default) as a shell line, which lands here with the terminal.
 */
import { editorCommand } from './program';

export const vi = editorCommand('vi');
export const vim = editorCommand('vim');
export const nano = editorCommand('nano');

/**
 * The shell inside containers: what kubectl exec runs, and what tools (ping, wget, nslookup, curl)
 * ask to learn whether they run in a container (containerOf) and from where they dial.
 */
export { runInContainer, promptFor, notFoundInImage } from './shell';
export type { ContainerRun } from './shell';
export { containerOf, ContainerHost } from './containerHost';
export { containerCommands, hasProgram, imagePrograms } from './commands';
export type { ExecTarget, ContainerFileView, ContainerIo } from './target';

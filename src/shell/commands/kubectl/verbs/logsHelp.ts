/** `kubectl logs`'s flags and help text (our own words, kubectl's layout and defaults). */
import type { FlagDef } from '../flags';

export const LOGS_HELP = [
  'Print the logs for a container in a pod or specified resource. If the pod has only one container, the container name is',
  'optional.',
  '',
  ' For a deployment, replica set, service or other TYPE/NAME, kubectl picks one of its pods and says which. With -l, every',
  'matching pod is read (the last 10 lines of each by default).',
  '',
  'Examples:',
  '  # What the only container of pod pingpong printed',
  '  kubectl logs pingpong',
  '  ',
  '  # The last 5 lines, then new lines as they come (Ctrl+C to stop)',
  '  kubectl logs deploy/pingpong --tail 5 -f',
  '  ',
  '  # One container of a pod that has several',
  '  kubectl logs -n kube-system weave-net-4x7pf -c weave-npc',
  '  ',
  '  # What the container printed before it last restarted',
  '  kubectl logs web-7c8bbcd9bc-x2x9k --previous',
  '  ',
  '  # Every pod labelled app=pingpong, each line prefixed with where it came from',
  '  kubectl logs -l app=pingpong --prefix',
].join('\n');

export const LOGS_FLAGS: readonly FlagDef[] = [
  { name: 'all-containers', kind: 'bool', description: 'Get all containers\' logs in the pod(s).', defaultText: 'false' },
  { name: 'container', short: 'c', kind: 'string', description: 'Print the logs of this container', defaultText: "''" },
  { name: 'follow', short: 'f', kind: 'bool', description: 'Specify if the logs should be streamed.', defaultText: 'false' },
  { name: 'ignore-errors', kind: 'bool', description: 'If watching / following pod logs, allow for any errors that occur to be non-fatal', defaultText: 'false' },
  { name: 'max-log-requests', kind: 'int', description: 'Specify maximum number of concurrent logs to follow when using by a selector. Defaults to 5.', defaultText: '5' },
  { name: 'pod-running-timeout', kind: 'string', description: 'How long to wait for at least one pod to exist (e.g. 5s, 2m, 3h).', defaultText: '20s' },
  { name: 'prefix', kind: 'bool', description: 'Prefix each log line with the log source (pod name and container name)', defaultText: 'false' },
  { name: 'previous', short: 'p', kind: 'bool', description: 'If true, print the logs for the previous instance of the container in a pod if it exists.', defaultText: 'false' },
  { name: 'selector', short: 'l', kind: 'string', description: 'Selector (label query) to filter on, supports \'=\', \'==\', and \'!=\'.(e.g. -l key1=value1,key2=value2).', defaultText: "''" },
  { name: 'since', kind: 'string', description: 'Only lines newer than this relative duration (5s, 2m, 3h). Only one of since-time / since may be used.', defaultText: '0s' },
  { name: 'since-time', kind: 'string', description: 'Only lines after this RFC3339 date (e.g. 2023-06-01T09:00:00Z). Only one of since-time / since may be used.', defaultText: "''" },
  { name: 'tail', kind: 'int', description: 'How many of the most recent lines to show. Defaults to -1 with no selector (every line), otherwise 10.', defaultText: '-1' },
  { name: 'timestamps', kind: 'bool', description: 'Include timestamps on each line in the log output', defaultText: 'false' },
];
